using System.Text;
using System.Text.Json;
using Broadcart.Api.Payments;

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>The payment provider's side of the webhook: a signed notice about one payment of one order.</summary>
public static class PaymentWebhook
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> NotifyAsync(
        this ApiNode node, string orderId, string paymentId, string status, string? secret = null)
    {
        var json = JsonSerializer.Serialize(new { orderId, paymentId, status });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(secret ?? TestSecrets.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), json));
        var response = await node.Http.SendAsync(request);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}

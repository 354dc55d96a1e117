using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Broadcart.Testing;

namespace Broadcart.Bench;

/// <summary>
/// The payment provider's side of <c>POST /api/payments/webhook</c>, signed as the public protocol
/// says (<c>X-Payment-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>) with the
/// servers' test secret. Written from the protocol rather than borrowed from the API's own signer,
/// which the benchmark does not reference (it runs the API as a process).
/// </summary>
public static class PaymentNotices
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> NotifyAsync(
        NodeClient node, string orderId, string paymentId, string status, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(new { orderId, paymentId, status });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestSecrets.WebhookSecret), Encoding.UTF8.GetBytes($"{now}.{json}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Payment-Signature", $"t={now},v1={Convert.ToHexStringLower(mac)}");
        var response = await node.Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}

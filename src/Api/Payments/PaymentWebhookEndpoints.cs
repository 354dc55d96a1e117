using System.Text.Json;
using Broadcart.Api.Identity;
using Broadcart.Api.Orders;
using Broadcart.Grains.Common;
using Broadcart.Grains.Orders;

namespace Broadcart.Api.Payments;

public sealed record PaymentWebhookBody(string? OrderId, string? PaymentId, string? Status);

public static class PaymentWebhookEndpoints
{
    public static IEndpointRouteBuilder MapPaymentWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/webhook", async (HttpRequest request, PaymentSettings settings, IGrainFactory grains, TimeProvider time) =>
            {
                if (string.IsNullOrEmpty(settings.WebhookSecret))
                {
                    throw new BroadcartException(ErrorCodes.Unavailable, "payments are not configured: set Payments:WebhookSecret");
                }

                // The signature covers the raw bytes, so read them before any JSON binding.
                using var reader = new StreamReader(request.Body);
                var raw = await reader.ReadToEndAsync();
                WebhookSignature.Verify(request.Headers[WebhookSignature.Header], raw, settings.SecretsAt(time.GetUtcNow()), time.GetUtcNow(), settings.SignatureTolerance);

                PaymentWebhookBody? body;
                try
                {
                    body = JsonSerializer.Deserialize<PaymentWebhookBody>(raw, JsonSerializerOptions.Web);
                }
                catch (JsonException e)
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, $"the body is not valid JSON: {e.Message}");
                }

                if (body is null || !Identifiers.IsValid(body.OrderId) || string.IsNullOrWhiteSpace(body.PaymentId) || body.PaymentId.Length > 100
                    || body.Status is not ("succeeded" or "failed" or "refunded"))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "the body must be { orderId, paymentId, status: \"succeeded\" | \"failed\" | \"refunded\" }");
                }

                var order = await grains.GetGrain<IOrderGrain>(body.OrderId!).ApplyPayment(
                    new PaymentNotice(body.PaymentId, body.Status == "succeeded", Refunded: body.Status == "refunded"));
                return TypedResults.Ok(OrderResponse.From(order));
            })
            .AllowAnonymous()
            .WithTags("Payments")
            .WithSummary("Payment provider webhook (HMAC-signed; idempotent by paymentId)");
        return app;
    }
}

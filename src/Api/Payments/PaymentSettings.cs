namespace Broadcart.Api.Payments;

/// <summary>The <c>Payments</c> configuration section.</summary>
public sealed class PaymentSettings
{
    /// <summary>Shared with the payment provider; signs every webhook.</summary>
    public string? WebhookSecret { get; set; }

    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);
}

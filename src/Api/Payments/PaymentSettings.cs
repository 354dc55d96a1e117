namespace Broadcart.Api.Payments;

/// <summary>The <c>Payments</c> configuration section.</summary>
public sealed class PaymentSettings
{
    /// <summary>Shared with the payment provider; signs every webhook.</summary>
    public string? WebhookSecret { get; set; }

    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// During a rotation, the secret being replaced: signatures by it are accepted until
    /// <see cref="PreviousSecretUntil"/>, so webhooks in flight (and the provider's switch-over)
    /// are not refused.
    /// </summary>
    public string? PreviousWebhookSecret { get; set; }

    public DateTimeOffset? PreviousSecretUntil { get; set; }

    /// <summary>The secrets a signature may be made with at <paramref name="now"/>: the current one first.</summary>
    public IReadOnlyList<string> SecretsAt(DateTimeOffset now) =>
        !string.IsNullOrEmpty(PreviousWebhookSecret) && PreviousSecretUntil is { } until && now < until
            ? [WebhookSecret!, PreviousWebhookSecret]
            : [WebhookSecret!];
}

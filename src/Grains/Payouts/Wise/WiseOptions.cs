namespace Broadcart.Grains.Payouts.Wise;

/// <summary>The <c>Payouts:Wise</c> configuration section.</summary>
public sealed class WiseOptions
{
    /// <summary>The API's base address (Wise's sandbox is <c>https://api.sandbox.transferwise.tech/</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.wise.com/");

    /// <summary>A personal or business API token, sent as a bearer token.</summary>
    public string ApiToken { get; set; } = string.Empty;

    /// <summary>The business profile that sends the money.</summary>
    public long ProfileId { get; set; }

    /// <summary>The currency of the platform's Wise balance that funds transfers.</summary>
    public string SourceCurrency { get; set; } = "EUR";

    /// <summary>One HTTP attempt's limit; a timed-out attempt is retried (the transfer's customerTransactionId makes a retry safe).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The limit for one call with its retries (under the grain call's 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay (exponential with jitter after it).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

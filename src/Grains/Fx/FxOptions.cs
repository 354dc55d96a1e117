namespace Broadcart.Grains.Fx;

/// <summary>The <c>Fx</c> configuration section: where reference rates come from.</summary>
public sealed class FxOptions
{
    /// <summary><c>file</c> (the shipped file or <see cref="RatesFile"/>; the default) or <c>http</c> (<see cref="RatesUrl"/>).</summary>
    public string Source { get; set; } = "file";

    /// <summary>A file in the ECB's format to read instead of the one the repository ships.</summary>
    public string? RatesFile { get; set; }

    public Uri RatesUrl { get; set; } = new("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml");

    /// <summary>How long fetched rates are used before they are fetched again (the ECB publishes once a working day, around 16:00 CET).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After a failed fetch, how long the last good rates are used before the next try.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one fetch may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

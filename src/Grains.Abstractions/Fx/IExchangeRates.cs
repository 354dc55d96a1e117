namespace Broadcart.Grains.Fx;

/// <summary>
/// Where euro reference rates come from: the file the repository ships (offline, development,
/// tests) or the ECB's published XML over HTTP (production). Silos resolve it from their services.
/// </summary>
public interface IExchangeRates
{
    /// <summary>The most recent day the source has rates for: "the rate of the day".</summary>
    Task<ReferenceRates> LatestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The rates of <paramref name="day"/>, or of the last day before it that has rates (none are
    /// published on weekends and TARGET holidays); <c>not_found</c> when the source has no such day.
    /// </summary>
    Task<ReferenceRates> OnOrBeforeAsync(DateOnly day, CancellationToken cancellationToken = default);
}

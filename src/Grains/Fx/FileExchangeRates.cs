namespace Broadcart.Grains.Fx;

/// <summary>
/// Reference rates from a file in the ECB's format: by default the dated file the repository ships
/// (<c>eurofxref-2026-12-01.xml</c>, embedded in this assembly), so that development and tests
/// convert offline and reproducibly.
/// </summary>
public sealed class FileExchangeRates : IExchangeRates
{
    /// <summary>The shipped file's name; its day is the rate date of every conversion made with it.</summary>
    public const string ShippedFile = "eurofxref-2026-12-01.xml";

    private readonly IReadOnlyList<ReferenceRates> days;

    public FileExchangeRates(string? path = null)
    {
        using var xml = path is null ? OpenShipped() : File.OpenRead(path);
        days = EcbRatesXml.Parse(xml);
    }

    /// <summary>The shipped file's rates, for tests that compute expected amounts from it.</summary>
    public static ReferenceRates Shipped() => new FileExchangeRates().days[0];

    public static Stream OpenShipped() =>
        typeof(FileExchangeRates).Assembly.GetManifestResourceStream($"Broadcart.Grains.Fx.{ShippedFile}")
        ?? throw new InvalidOperationException($"the shipped reference rates ({ShippedFile}) are missing from the assembly");

    public Task<ReferenceRates> LatestAsync(CancellationToken cancellationToken = default) => Task.FromResult(days[0]);

    public Task<ReferenceRates> OnOrBeforeAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult(RatesHistory.OnOrBefore(days, day));
}

using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Reach;

namespace Broadcart.Grains.Metrics;

/// <summary>Raw counts for one scope; <see cref="ToFigures"/> derives the rates.</summary>
[GenerateSerializer, Alias("Broadcart.Counters")]
public sealed class Counters
{
    [Id(0)] public long OrganicImpressions { get; set; }
    [Id(1)] public long PaidImpressions { get; set; }
    [Id(2)] public long Joins { get; set; }
    [Id(3)] public int PeakViewers { get; set; }
    [Id(4)] public long Clicks { get; set; }
    [Id(5)] public long Orders { get; set; }
    [Id(6)] public long Units { get; set; }
    [Id(7)] public Dictionary<string, long> RevenueMinor { get; set; } = new(StringComparer.Ordinal);
    [Id(8)] public long SpendMicros { get; set; }
    [Id(9)] public string? SpendCurrency { get; set; }

    public void Add(MetricsDelta d)
    {
        OrganicImpressions += d.OrganicImpressions;
        PaidImpressions += d.PaidImpressions;
        Joins += d.Joins;
        Clicks += d.Clicks;
        Orders += d.Orders;
        Units += d.Units;
        if (d.Revenue is { } revenue)
        {
            RevenueMinor[revenue.Currency] = RevenueMinor.GetValueOrDefault(revenue.Currency) + revenue.AmountMinor;
        }

        if (d.SpendMicros != 0)
        {
            SpendMicros += d.SpendMicros;
            SpendCurrency = d.SpendCurrency;
        }

        if (d.ViewersNow is { } viewers)
        {
            PeakViewers = Math.Max(PeakViewers, viewers);
        }
    }

    public void Add(Counters c)
    {
        OrganicImpressions += c.OrganicImpressions;
        PaidImpressions += c.PaidImpressions;
        Joins += c.Joins;
        Clicks += c.Clicks;
        Orders += c.Orders;
        Units += c.Units;
        foreach (var (currency, amount) in c.RevenueMinor)
        {
            RevenueMinor[currency] = RevenueMinor.GetValueOrDefault(currency) + amount;
        }

        SpendMicros += c.SpendMicros;
        SpendCurrency ??= c.SpendCurrency;
    }

    public Figures ToFigures(int? peakOverride = null)
    {
        var impressions = OrganicImpressions + PaidImpressions;
        Money? spend = SpendCurrency is { } currency ? new Money(currency, SpendMicros / Currencies.MicrosPerMinor(currency)) : null;
        double? roi = SpendCurrency is { } c && SpendMicros > 0
            ? (double)RevenueMinor.GetValueOrDefault(c) * Currencies.MicrosPerMinor(c) / SpendMicros
            : null;
        return new Figures(
            OrganicImpressions, PaidImpressions, Joins, peakOverride ?? PeakViewers, Clicks, Orders, Units,
            [.. RevenueMinor.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Money(r.Key, r.Value))],
            spend, SpendMicros,
            Ratio(Joins, impressions), Ratio(Clicks, Joins), Ratio(Orders, Joins), roi);
    }

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;
}

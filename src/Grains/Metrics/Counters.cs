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
    [Id(10)] public long ClickThroughOrders { get; set; }
    [Id(11)] public Dictionary<string, long> ClickThroughRevenue { get; set; } = new(StringComparer.Ordinal);
    [Id(12)] public long ViewThroughOrders { get; set; }
    [Id(13)] public Dictionary<string, long> ViewThroughRevenue { get; set; } = new(StringComparer.Ordinal);

    public void Add(MetricsDelta d)
    {
        OrganicImpressions += d.OrganicImpressions;
        PaidImpressions += d.PaidImpressions;
        Joins += d.Joins;
        Clicks += d.Clicks;
        Orders += d.Orders;
        Units += d.Units;
        AddMoney(RevenueMinor, d.Revenue);
        ClickThroughOrders += d.ClickThroughOrders;
        AddMoney(ClickThroughRevenue, d.ClickThroughRevenue);
        ViewThroughOrders += d.ViewThroughOrders;
        AddMoney(ViewThroughRevenue, d.ViewThroughRevenue);

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
        AddAll(RevenueMinor, c.RevenueMinor);
        ClickThroughOrders += c.ClickThroughOrders;
        AddAll(ClickThroughRevenue, c.ClickThroughRevenue);
        ViewThroughOrders += c.ViewThroughOrders;
        AddAll(ViewThroughRevenue, c.ViewThroughRevenue);

        SpendMicros += c.SpendMicros;
        SpendCurrency ??= c.SpendCurrency;
    }

    public Figures ToFigures(int? peakOverride = null, long? uniqueViewers = null)
    {
        var impressions = OrganicImpressions + PaidImpressions;
        Money? spend = SpendCurrency is { } currency ? new Money(currency, SpendMicros / Currencies.MicrosPerMinor(currency)) : null;
        double? roi = SpendCurrency is { } c && SpendMicros > 0
            ? (double)RevenueMinor.GetValueOrDefault(c) * Currencies.MicrosPerMinor(c) / SpendMicros
            : null;
        return new Figures(
            OrganicImpressions, PaidImpressions, Joins, peakOverride ?? PeakViewers, Clicks, Orders, Units,
            Monies(RevenueMinor, keepZero: true),
            spend, SpendMicros,
            Ratio(Joins, impressions), Ratio(Clicks, Joins), Ratio(Orders, Joins), roi,
            ProductClicks: Clicks, JoinRate: Ratio(Joins, impressions), ProductCtr: Ratio(Clicks, impressions), UniqueViewers: uniqueViewers,
            ClickThroughOrders: ClickThroughOrders, ClickThroughRevenue: Monies(ClickThroughRevenue),
            ViewThroughOrders: ViewThroughOrders, ViewThroughRevenue: Monies(ViewThroughRevenue));
    }

    public ReportCell ToCell(DateTimeOffset hour, string region) => new(
        hour, region, OrganicImpressions, PaidImpressions, Joins, Clicks, Orders, Units, Monies(RevenueMinor, keepZero: true),
        SpendMicros, SpendCurrency, ClickThroughOrders, Monies(ClickThroughRevenue), ViewThroughOrders, Monies(ViewThroughRevenue));

    // Attributed revenue a refund took back to zero is left out; revenue lists what was recorded.
    private static ImmutableArray<Money> Monies(Dictionary<string, long> amounts, bool keepZero = false) =>
        [.. amounts.Where(a => keepZero || a.Value != 0).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new Money(a.Key, a.Value))];

    private static void AddMoney(Dictionary<string, long> amounts, Money? money)
    {
        if (money is { } m)
        {
            amounts[m.Currency] = amounts.GetValueOrDefault(m.Currency) + m.AmountMinor;
        }
    }

    private static void AddAll(Dictionary<string, long> amounts, Dictionary<string, long> more)
    {
        foreach (var (currency, amount) in more)
        {
            amounts[currency] = amounts.GetValueOrDefault(currency) + amount;
        }
    }

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;
}

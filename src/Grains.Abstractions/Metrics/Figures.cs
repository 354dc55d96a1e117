using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// The funnel and the money for a scope (all, a region, a minute). Rates: <see cref="Ctr"/> = joins
/// per impression (the feed's click-through), <see cref="ClickRate"/> = product clicks per join,
/// <see cref="Conversion"/> = orders per join, <see cref="Roi"/> = revenue over spend in the spend's
/// currency. A rate whose denominator is zero is null.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.Figures")]
public sealed record Figures(
    [property: Id(0)] long OrganicImpressions,
    [property: Id(1)] long PaidImpressions,
    [property: Id(2)] long Joins,
    [property: Id(3)] int PeakViewers,
    [property: Id(4)] long Clicks,
    [property: Id(5)] long Orders,
    [property: Id(6)] long Units,
    [property: Id(7)] ImmutableArray<Money> Revenue,
    [property: Id(8)] Money? Spend,
    [property: Id(9)] long SpendMicros,
    [property: Id(10)] double? Ctr,
    [property: Id(11)] double? ClickRate,
    [property: Id(12)] double? Conversion,
    [property: Id(13)] double? Roi)
{
    public long Impressions => OrganicImpressions + PaidImpressions;
}

[GenerateSerializer, Immutable, Alias("Broadcart.RegionFigures")]
public sealed record RegionFigures([property: Id(0)] string Region, [property: Id(1)] Figures Figures);

[GenerateSerializer, Immutable, Alias("Broadcart.MinuteFigures")]
public sealed record MinuteFigures([property: Id(0)] DateTimeOffset Minute, [property: Id(1)] string Region, [property: Id(2)] Figures Figures);

[GenerateSerializer, Immutable, Alias("Broadcart.MetricsReport")]
public sealed record MetricsReport(
    [property: Id(0)] string RoomId,
    [property: Id(1)] long Version,
    [property: Id(2)] Figures Total,
    [property: Id(3)] ImmutableArray<RegionFigures> ByRegion,
    [property: Id(4)] ImmutableArray<MinuteFigures> ByMinute);

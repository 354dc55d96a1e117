using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// The funnel and the money for a scope (all, a region, a minute). Rates: <see cref="Ctr"/> = joins
/// per impression (the feed's click-through), <see cref="ClickRate"/> = product clicks per join,
/// <see cref="Conversion"/> = orders per join, <see cref="Roi"/> = revenue over spend in the spend's
/// currency. A rate whose denominator is zero is null. Added later, never renamed:
/// <see cref="ProductClicks"/> (the same count as <see cref="Clicks"/>), <see cref="JoinRate"/> =
/// joins per impression (the same figure as <see cref="Ctr"/>, under the report's name),
/// <see cref="ProductCtr"/> = product clicks per impression (what the report calls ctr),
/// <see cref="UniqueViewers"/> (distinct users who joined; null by minute), and the paid orders
/// attributed to the room by window, whichever room they were placed in.
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
    [property: Id(13)] double? Roi,
    [property: Id(14)] long ProductClicks,
    [property: Id(15)] double? JoinRate,
    [property: Id(16)] double? ProductCtr,
    [property: Id(17)] long? UniqueViewers,
    [property: Id(18)] long ClickThroughOrders,
    [property: Id(19)] ImmutableArray<Money> ClickThroughRevenue,
    [property: Id(20)] long ViewThroughOrders,
    [property: Id(21)] ImmutableArray<Money> ViewThroughRevenue)
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

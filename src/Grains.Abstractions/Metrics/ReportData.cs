using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// One hour in one region of a room's counts, money as recorded (per currency, unconverted): the
/// raw figures a report is converted from, so it can be converted again into any currency at the
/// rates of the cell's day. <see cref="Hour"/> is the start of the UTC hour.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ReportCell")]
public sealed record ReportCell(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] string Region,
    [property: Id(2)] long OrganicImpressions,
    [property: Id(3)] long PaidImpressions,
    [property: Id(4)] long Joins,
    [property: Id(5)] long ProductClicks,
    [property: Id(6)] long Orders,
    [property: Id(7)] long Units,
    [property: Id(8)] ImmutableArray<Money> Gmv,
    [property: Id(9)] long SpendMicros,
    [property: Id(10)] string? SpendCurrency,
    [property: Id(11)] long ClickThroughOrders,
    [property: Id(12)] ImmutableArray<Money> ClickThroughRevenue,
    [property: Id(13)] long ViewThroughOrders,
    [property: Id(14)] ImmutableArray<Money> ViewThroughRevenue);

[GenerateSerializer, Immutable, Alias("Broadcart.ViewerCount")]
public sealed record ViewerCount([property: Id(0)] string Key, [property: Id(1)] long UniqueViewers);

/// <summary>
/// Everything a room's report is made of: the cells, and distinct viewers in all, by region and by
/// hour (keys: region codes; hours as ISO 8601). <see cref="EndedAt"/> is set once the room ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ReportData")]
public sealed record ReportData(
    [property: Id(0)] string RoomId,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset? EndedAt,
    [property: Id(3)] long UniqueViewers,
    [property: Id(4)] ImmutableArray<ViewerCount> UniqueViewersByRegion,
    [property: Id(5)] ImmutableArray<ViewerCount> UniqueViewersByHour,
    [property: Id(6)] ImmutableArray<ReportCell> Cells);

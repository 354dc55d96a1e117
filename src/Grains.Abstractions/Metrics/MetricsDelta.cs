using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// Counts to add for one region; senders batch them (nodes, feed caches, the room, reach).
/// <see cref="Viewers"/> are the users whose joins <see cref="Joins"/> counts (for unique viewers);
/// the attributed figures come from paid orders (negative for a refund).
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.MetricsDelta")]
public sealed record MetricsDelta(
    [property: Id(0)] string Region,
    [property: Id(1)] long OrganicImpressions = 0,
    [property: Id(2)] long PaidImpressions = 0,
    [property: Id(3)] long Joins = 0,
    [property: Id(4)] long Clicks = 0,
    [property: Id(5)] long Orders = 0,
    [property: Id(6)] long Units = 0,
    [property: Id(7)] Money? Revenue = null,
    [property: Id(8)] long SpendMicros = 0,
    [property: Id(9)] string? SpendCurrency = null,
    [property: Id(10)] int? ViewersNow = null,
    [property: Id(11)] ImmutableArray<string> Viewers = default,
    [property: Id(12)] long ClickThroughOrders = 0,
    [property: Id(13)] Money? ClickThroughRevenue = null,
    [property: Id(14)] long ViewThroughOrders = 0,
    [property: Id(15)] Money? ViewThroughRevenue = null);

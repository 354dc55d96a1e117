using System.Collections.Immutable;
using Broadcart.Grains.Metrics;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// What a subscribed node tells a room a few times a second when something changed, and at least
/// once per heartbeat interval: its local viewer count (in total and per region), the likes counted
/// since the last report, the joins and product clicks counted per region, and the chat languages
/// its viewers of the room use (so that the room translates each message once per language). It
/// renews the node's subscription.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.NodeReport")]
public sealed record NodeReport(
    [property: Id(0)] string NodeId,
    [property: Id(1)] int ViewerCount,
    [property: Id(2)] long LikesDelta,
    [property: Id(3)] ImmutableArray<MetricsDelta> Counters = default,
    [property: Id(4)] ImmutableDictionary<string, int>? ViewersByRegion = null,
    [property: Id(5)] ImmutableArray<string> Languages = default);

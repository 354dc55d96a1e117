using System.Collections.Immutable;
using Broadcart.Grains.Metrics;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// What an API node tells a room a few times a second and on every heartbeat: it subscribes or
/// renews the node's relay, carries the node's local viewer count and the likes counted since the
/// last report, the joins and product clicks counted per region (<see cref="Counters"/>) and the local
/// viewers per region. <see cref="WantSync"/> asks for a fresh <see cref="RoomSync"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.NodeReport")]
public sealed record NodeReport(
    [property: Id(0)] string NodeId,
    [property: Id(1)] IRoomRelay Relay,
    [property: Id(2)] int ViewerCount,
    [property: Id(3)] long LikesDelta,
    [property: Id(4)] TimeSpan HeartbeatInterval,
    [property: Id(5)] bool WantSync,
    [property: Id(6)] ImmutableArray<MetricsDelta> Counters = default,
    [property: Id(7)] ImmutableDictionary<string, int>? ViewersByRegion = null);

namespace Broadcart.Grains.Rooms;

/// <summary>
/// A node asking a room to send it the room's event batches: on its first local viewer, and again
/// whenever its replica lost its place (a gap in the batches, or the room forgot the node). The
/// room keeps the node while it reports at least every <see cref="HeartbeatInterval"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.NodeSubscription")]
public sealed record NodeSubscription(
    [property: Id(0)] string NodeId,
    [property: Id(1)] IRoomRelay Relay,
    [property: Id(2)] int ViewerCount,
    [property: Id(3)] TimeSpan HeartbeatInterval);

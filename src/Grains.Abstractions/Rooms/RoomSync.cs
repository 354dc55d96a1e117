using System.Collections.Immutable;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// A node's starting point for a room: the snapshot, recent chat, and the position in the room's
/// event stream (<see cref="Epoch"/>, <see cref="BatchSeq"/>) from which batches follow.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RoomSync")]
public sealed record RoomSync(
    [property: Id(0)] RoomSnapshot Room,
    [property: Id(1)] ImmutableArray<ChatMessage> RecentChat,
    [property: Id(2)] Guid Epoch,
    [property: Id(3)] long BatchSeq);

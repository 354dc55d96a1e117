namespace Broadcart.Grains.Rooms;

/// <summary>One chat message; <see cref="Seq"/> is the room's sequence number clients de-duplicate by.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ChatMessage")]
public sealed record ChatMessage(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string MessageId,
    [property: Id(2)] long Seq,
    [property: Id(3)] string UserId,
    [property: Id(4)] string Name,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset SentAt);

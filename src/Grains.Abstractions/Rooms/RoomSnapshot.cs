namespace Broadcart.Grains.Rooms;

/// <summary>Everything about a room except its chat: what REST returns and what a node replica holds.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RoomSnapshot")]
public sealed record RoomSnapshot(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Language,
    [property: Id(3)] RoomStatus Status,
    [property: Id(4)] string StreamerId,
    [property: Id(5)] string StreamerName,
    [property: Id(6)] string? MerchantId,
    [property: Id(7)] string HomeRegion,
    [property: Id(8)] int ViewerCount,
    [property: Id(9)] long Likes,
    [property: Id(10)] int SlowModeSeconds,
    [property: Id(11)] long ChatSeq,
    [property: Id(12)] DateTimeOffset CreatedAt,
    [property: Id(13)] DateTimeOffset? StartedAt,
    [property: Id(14)] DateTimeOffset? EndedAt);

using System.Collections.Immutable;

namespace Broadcart.Grains.Attribution;

/// <summary>A user's last product click and last view in one room, each null when outside its window.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RoomTouchpoint")]
public sealed record RoomTouchpoint(
    [property: Id(0)] string RoomId,
    [property: Id(1)] DateTimeOffset? LastClick,
    [property: Id(2)] DateTimeOffset? LastView);

[GenerateSerializer, Immutable, Alias("Broadcart.Touchpoints")]
public sealed record Touchpoints([property: Id(0)] string UserId, [property: Id(1)] ImmutableArray<RoomTouchpoint> Rooms);

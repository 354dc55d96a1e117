using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

[GenerateSerializer, Immutable, Alias("Broadcart.CreateRoom")]
public sealed record CreateRoom(
    [property: Id(0)] string Title,
    [property: Id(1)] string Language,
    [property: Id(2)] string HomeRegion,
    [property: Id(3)] string? MerchantId,
    [property: Id(4)] Actor Streamer,
    [property: Id(5)] string? CoverUrl = null);

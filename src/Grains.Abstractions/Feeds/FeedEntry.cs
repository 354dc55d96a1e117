using Broadcart.Grains.Common;

namespace Broadcart.Grains.Feeds;

/// <summary>A live room as a region's feed lists it, with what ranking needs.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.FeedEntry")]
public sealed record FeedEntry(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string Title,
    [property: Id(2)] string StreamerName,
    [property: Id(3)] string HomeRegion,
    [property: Id(4)] int ViewerCount,
    [property: Id(5)] bool Paid,
    [property: Id(6)] Money? BidCpm);

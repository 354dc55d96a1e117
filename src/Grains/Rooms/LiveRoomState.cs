using Broadcart.Grains.Products;
using Broadcart.Grains.Reach;
using Broadcart.Grains.Commerce;

namespace Broadcart.Grains.Rooms;

[GenerateSerializer, Alias("Broadcart.LiveRoomState")]
public sealed class LiveRoomState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Title { get; set; } = string.Empty;
    [Id(2)] public string Language { get; set; } = string.Empty;
    [Id(3)] public RoomStatus Status { get; set; }
    [Id(4)] public string StreamerId { get; set; } = string.Empty;
    [Id(5)] public string StreamerName { get; set; } = string.Empty;
    [Id(6)] public string? MerchantId { get; set; }
    [Id(7)] public string HomeRegion { get; set; } = string.Empty;
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public DateTimeOffset? StartedAt { get; set; }
    [Id(10)] public DateTimeOffset? EndedAt { get; set; }
    [Id(11)] public long ChatSeq { get; set; }
    [Id(12)] public List<ChatMessage> RecentChat { get; set; } = [];
    [Id(13)] public long Likes { get; set; }
    [Id(14)] public int SlowModeSeconds { get; set; }
    [Id(15)] public Dictionary<string, DateTimeOffset> MutedUntil { get; set; } = new(StringComparer.Ordinal);
    [Id(16)] public bool CleanShutdown { get; set; }
    [Id(17)] public List<ProductSnapshot> Showcase { get; set; } = [];
    [Id(18)] public string? PinnedProductId { get; set; }
    [Id(19)] public FlashSaleView? CurrentSale { get; set; }
    [Id(20)] public ReachView? Reach { get; set; }
    [Id(21)] public string? CoverUrl { get; set; }

    /// <summary>Users the streamer appointed to moderate this room (besides the global moderator role).</summary>
    [Id(22)] public List<string> Moderators { get; set; } = [];

    /// <summary>The current or last auction, a cache of its grain (written behind for bids, at once for the close).</summary>
    [Id(23)] public Broadcart.Grains.Auctions.AuctionView? CurrentAuction { get; set; }
}

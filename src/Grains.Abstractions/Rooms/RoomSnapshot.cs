using System.Collections.Immutable;
using Broadcart.Grains.Products;
using Broadcart.Grains.Reach;
using Broadcart.Grains.Common;
using Broadcart.Grains.Commerce;

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
    [property: Id(14)] DateTimeOffset? EndedAt,
    [property: Id(15)] ImmutableArray<ProductSnapshot> Showcase,
    [property: Id(16)] string? PinnedProductId,
    [property: Id(17)] FlashSaleView? FlashSale,
    [property: Id(18)] ReachView? Reach,
    [property: Id(19)] string? CoverUrl)
{
    /// <summary>The sale price that applies to a product right now, if a sale of it is open.</summary>
    /// <summary>Users appointed to moderate this room: nodes exempt them from the chat limit as they do the streamer.</summary>
    [Id(20)] public ImmutableArray<string> Moderators { get; init; } = [];

    /// <summary>The room's current (or last) auction.</summary>
    [Id(21)] public Broadcart.Grains.Auctions.AuctionView? Auction { get; init; }

    public Money? SalePriceFor(string productId) =>
        FlashSale is { IsOpen: true } sale && sale.ProductId == productId ? sale.Price : null;

    public RegionReach ReachIn(string region) => RegionReach.For(HomeRegion, Reach, region);

    public ProductSnapshot? Pinned => PinnedProductId is null ? null : Showcase.FirstOrDefault(p => p.Id == PinnedProductId);
}

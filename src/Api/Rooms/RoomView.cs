using System.Text.Json.Serialization;
using Broadcart.Api.Commerce;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Rooms;

/// <summary>
/// A room as clients see it: REST returns it without chat; the hub's <c>JoinRoom</c> adds
/// <see cref="RecentChat"/> and <see cref="Geo"/>. <c>id</c> and <c>roomId</c> are the same value.
/// </summary>
public sealed record RoomView(
    string Id,
    string RoomId,
    string Title,
    string Language,
    RoomStatus Status,
    string StreamerId,
    string StreamerName,
    string? MerchantId,
    string HomeRegion,
    string? CoverUrl,
    int ViewerCount,
    long Likes,
    int SlowModeSeconds,
    long ChatSeq,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    RegionalProduct? Pinned,
    IReadOnlyList<RegionalProduct> Showcase,
    FlashSalePayload? FlashSale)
{
    /// <summary>Users the streamer appointed to moderate this room (clients show their badge).</summary>
    public IReadOnlyList<string> Moderators { get; init; } = [];

    /// <summary>The room's current or last auction, as the <c>auction</c> event carries it.</summary>
    public Auctions.AuctionPayload? Auction { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChatMessage>? RecentChat { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GeoView? Geo { get; init; }

    /// <summary>The room as seen from <paramref name="region"/>: prices and availability are that region's.</summary>
    public static RoomView From(RoomSnapshot s, string region) => new(
        s.RoomId, s.RoomId, s.Title, s.Language, s.Status, s.StreamerId, s.StreamerName, s.MerchantId, s.HomeRegion, s.CoverUrl,
        s.ViewerCount, s.Likes, s.SlowModeSeconds, s.ChatSeq, s.CreatedAt, s.StartedAt, s.EndedAt,
        Pinned: s.Pinned is { } pinned ? RegionalProduct.For(pinned, region, s.SalePriceFor(pinned.Id)) : null,
        Showcase: [.. s.Showcase.Select(p => RegionalProduct.For(p, region, s.SalePriceFor(p.Id)))],
        FlashSale: s.FlashSale is { } sale ? FlashSalePayload.From(sale) : null)
    {
        Moderators = s.Moderators,
        Auction = s.Auction is { } auction ? Auctions.AuctionPayload.From(auction) : null,
    };
}

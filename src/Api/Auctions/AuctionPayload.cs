using Broadcart.Grains.Auctions;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Auctions;

/// <summary>
/// The <c>auction</c> event and <c>GET /auctions/{id}</c>: the protocol's fields, plus what a
/// bidding page needs to show (the start price, the increment, the lowest bid that leads now, the
/// extensions so far). <see cref="OrderId"/> only for the winner, once the order is placed (just
/// after the close); <see cref="YouLead"/> only on GET: whether the caller leads (or won).
/// </summary>
public sealed record AuctionPayload(
    string RoomId,
    string AuctionId,
    string ProductId,
    string State,
    Money? CurrentBid,
    string? Leader,
    int Bids,
    DateTimeOffset EndsAt,
    Money StartPrice,
    Money Increment,
    Money MinimumBid,
    int Extensions,
    string? OrderId = null,
    bool? YouLead = null)
{
    public static AuctionPayload From(AuctionView a, string? viewerId = null) => new(
        a.RoomId, a.AuctionId, a.ProductId, a.Phase switch { AuctionPhase.Won => "won", AuctionPhase.Unsold => "unsold", _ => "open" },
        a.CurrentBid, a.LeaderMasked, a.Bids, a.EndsAt, a.StartPrice, a.Increment, a.StartPrice with { AmountMinor = a.MinimumBidMinor },
        a.Extensions, viewerId is not null && viewerId == a.LeaderId && a.Phase == AuctionPhase.Won ? a.OrderId : null,
        viewerId is null ? null : viewerId == a.LeaderId);
}

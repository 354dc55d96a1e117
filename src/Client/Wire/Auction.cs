namespace Broadcart.Client.Wire;

/// <summary>
/// The <c>auction</c> event and a room's open or last auction; <see cref="State"/> is <c>open</c>,
/// <c>won</c> or <c>unsold</c>, <see cref="Leader"/> is masked ("A***a").
/// </summary>
public sealed record Auction(
    string RoomId, string AuctionId, string ProductId, string State, Money? CurrentBid, string? Leader, int Bids, DateTimeOffset EndsAt,
    Money StartPrice, Money Increment, Money MinimumBid, int Extensions, string? OrderId);

/// <summary><c>Bid</c>'s answer, once the bid is durable: <see cref="Leading"/> is false when a higher bid came in the same commit.</summary>
public sealed record BidAnswer(bool Leading, Money Amount, DateTimeOffset EndsAt);

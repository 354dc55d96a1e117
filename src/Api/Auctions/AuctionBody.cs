using Broadcart.Grains.Common;

namespace Broadcart.Api.Auctions;

/// <summary><c>POST /api/rooms/{roomId}/auctions</c>; optional members default as the protocol says.</summary>
public sealed record AuctionBody(string? ProductId, Money? StartPrice, Money? Increment, int? DurationSeconds, int? AntiSnipeSeconds, int? ExtendSeconds);

/// <summary>The answer to opening an auction: 201 with its id, its end and its state.</summary>
public sealed record AuctionOpened(string AuctionId, DateTimeOffset EndsAt, AuctionPayload Auction);

/// <summary>The hub's <c>Bid</c> answer.</summary>
public sealed record BidAnswer(bool Leading, Money Amount, DateTimeOffset EndsAt);

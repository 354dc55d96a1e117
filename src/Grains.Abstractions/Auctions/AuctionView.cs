using Broadcart.Grains.Common;

namespace Broadcart.Grains.Auctions;

/// <summary>
/// An auction as its grain holds it durably. <see cref="Version"/> counts the auction's durable
/// writes, so one-way news that arrives out of order is recognised by the room.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.AuctionView")]
public sealed record AuctionView(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] string ProductId,
    [property: Id(3)] AuctionPhase Phase,
    [property: Id(4)] Money StartPrice,
    [property: Id(5)] Money Increment,
    [property: Id(6)] long? CurrentBidMinor,
    [property: Id(7)] string? LeaderId,
    [property: Id(8)] string? LeaderMasked,
    [property: Id(9)] int Bids,
    [property: Id(10)] DateTimeOffset EndsAt,
    [property: Id(11)] int AntiSnipeSeconds,
    [property: Id(12)] int ExtendSeconds,
    [property: Id(13)] int Extensions,
    [property: Id(14)] string? OrderId,
    [property: Id(15)] long Version)
{
    public string Key => AuctionKeys.Key(RoomId, AuctionId);

    public bool IsOpen => Phase == AuctionPhase.Open;

    public Money? CurrentBid => CurrentBidMinor is { } amount ? StartPrice with { AmountMinor = amount } : null;

    /// <summary>The lowest bid that would lead now.</summary>
    public long MinimumBidMinor => CurrentBidMinor is { } amount ? amount + Increment.AmountMinor : StartPrice.AmountMinor;
}

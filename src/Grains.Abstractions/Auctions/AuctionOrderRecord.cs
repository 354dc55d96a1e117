using Broadcart.Grains.Common;

namespace Broadcart.Grains.Auctions;

/// <summary>The winner's order as the auction decided it when it closed; the order grain records it once.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.AuctionOrderRecord")]
public sealed record AuctionOrderRecord(
    [property: Id(0)] string AuctionKey,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] string RoomId,
    [property: Id(3)] string ProductId,
    [property: Id(4)] string MerchantId,
    [property: Id(5)] Actor Buyer,
    [property: Id(6)] Money Price,
    [property: Id(7)] string IdempotencyKey,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset ExpiresAt,
    [property: Id(10)] string OrderId);

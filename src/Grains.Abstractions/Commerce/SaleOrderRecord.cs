using Broadcart.Grains.Common;

namespace Broadcart.Grains.Commerce;

/// <summary>
/// An order as the flash sale records it in its log: everything the order grain needs to answer
/// for it, so that the order grain need not write anything while the sale is hot.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.SaleOrderRecord")]
public sealed record SaleOrderRecord(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] string RoomId,
    [property: Id(4)] string ProductId,
    [property: Id(5)] string SaleKey,
    [property: Id(6)] string SaleId,
    [property: Id(7)] int Quantity,
    [property: Id(8)] string Region,
    [property: Id(9)] Money UnitPrice,
    [property: Id(10)] Money Total,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset ExpiresAt,
    [property: Id(13)] string IdempotencyKey);

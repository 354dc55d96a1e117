using Broadcart.Grains.Common;

namespace Broadcart.Grains.Commerce;

/// <summary>A buyer's purchase sent straight to the sale by the node (the order id derives from buyer and key).</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.SalePurchase")]
public sealed record SalePurchase(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] string ProductId,
    [property: Id(3)] int Quantity,
    [property: Id(4)] string IdempotencyKey,
    [property: Id(5)] Actor Buyer);

using Broadcart.Grains.Common;

namespace Broadcart.Grains.Orders;

[GenerateSerializer, Immutable, Alias("Broadcart.PlaceOrder")]
public sealed record PlaceOrder(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] int Quantity,
    [property: Id(3)] string IdempotencyKey,
    [property: Id(4)] Actor Buyer);

[GenerateSerializer, Immutable, Alias("Broadcart.PlaceOrderResult")]
public sealed record PlaceOrderResult([property: Id(0)] OrderView Order, [property: Id(1)] bool Created);

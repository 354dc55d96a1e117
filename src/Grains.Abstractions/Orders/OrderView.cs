using Broadcart.Grains.Common;

namespace Broadcart.Grains.Orders;

[GenerateSerializer, Immutable, Alias("Broadcart.OrderView")]
public sealed record OrderView(
    [property: Id(0)] string OrderId,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] string BuyerId,
    [property: Id(3)] string MerchantId,
    [property: Id(4)] string RoomId,
    [property: Id(5)] string ProductId,
    [property: Id(6)] int Quantity,
    [property: Id(7)] string Region,
    [property: Id(8)] Money UnitPrice,
    [property: Id(9)] Money Total,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset ExpiresAt,
    [property: Id(12)] DateTimeOffset? PaidAt,
    [property: Id(13)] string? PaymentId,
    [property: Id(14)] string? SaleId,
    [property: Id(15)] bool RefundDue,
    [property: Id(16)] string Source = OrderSources.Live);

using Broadcart.Grains.Common;
using Broadcart.Grains.Orders;

namespace Broadcart.Api.Orders;

public sealed record OrderResponse(
    string OrderId,
    OrderStatus Status,
    string RoomId,
    string ProductId,
    int Quantity,
    string Region,
    Money UnitPrice,
    Money Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    string? PaymentId,
    string? SaleId,
    bool RefundDue,
    string Source)
{
    public static OrderResponse From(OrderView o) => new(
        o.OrderId, o.Status, o.RoomId, o.ProductId, o.Quantity, o.Region, o.UnitPrice, o.Total, o.CreatedAt, o.ExpiresAt,
        o.PaidAt, o.PaymentId, o.SaleId, o.RefundDue, o.Source);
}

using Broadcart.Grains.Orders;

namespace Broadcart.Grains.Commerce;

public static class OrderViews
{
    /// <summary>A sale's record as the order it is, before anything has happened to it.</summary>
    public static OrderView From(SaleOrderRecord r) => new(
        r.OrderId, OrderStatus.Reserved, r.BuyerId, r.MerchantId, r.RoomId, r.ProductId, r.Quantity, r.Region,
        r.UnitPrice, r.Total, r.CreatedAt, r.ExpiresAt, null, null, r.SaleId, false);
}

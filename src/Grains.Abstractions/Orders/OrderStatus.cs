namespace Broadcart.Grains.Orders;

[GenerateSerializer, Alias("Broadcart.OrderStatus")]
public enum OrderStatus
{
    Reserved = 0,
    Paid = 1,
    Expired = 2,
    Cancelled = 3,
    Refunded = 4,
}

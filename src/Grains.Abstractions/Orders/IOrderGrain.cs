namespace Broadcart.Grains.Orders;

/// <summary>An order, keyed by <see cref="OrderIds.For"/>(buyer, idempotency key).</summary>
[Alias("Broadcart.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    [Alias("Place")]
    Task<PlaceOrderResult> Place(PlaceOrder command);

    [Alias("Get")]
    Task<OrderView> Get();

    /// <summary>Returns null when the order does not exist.</summary>
    [Alias("Find")]
    Task<OrderView?> Find();

    /// <summary>Expires the order if it is unpaid past its expiry (the reminder does this; sweeps call it too).</summary>
    [Alias("ExpireIfDue")]
    Task ExpireIfDue();

    [Alias("ApplyPayment")]
    Task<OrderView> ApplyPayment(PaymentNotice notice);

    /// <summary>
    /// From the flash sale that sold this order, after the rush: the order writes its own record,
    /// if it has none yet. Idempotent.
    /// </summary>
    [Alias("Adopt")]
    Task Adopt(Commerce.SaleOrderRecord record);

    /// <summary>From the auction that closed: the winner's reserved order at the winning price. Idempotent.</summary>
    [Alias("PlaceFromAuction")]
    Task<OrderView> PlaceFromAuction(Auctions.AuctionOrderRecord record);
}

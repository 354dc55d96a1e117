using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;

namespace Broadcart.Grains.Commerce;

/// <summary>
/// A flash sale, keyed "{roomId}/{saleId}": stock taken from inventory at start, per-user limits,
/// and the system of record for the orders it sells (their records live in its log until each
/// order grain has written its own).
/// </summary>
[Alias("Broadcart.IFlashSaleGrain")]
public interface IFlashSaleGrain : IUnitHolder
{
    [Alias("Start")]
    Task<FlashSaleView> Start(StartFlashSale command);

    [Alias("Get")]
    Task<FlashSaleView> Get();

    /// <summary>Ends the sale now (its room ended): durable when this answers; unsold units go back to inventory.</summary>
    [Alias("End")]
    Task<FlashSaleView> End();

    /// <summary>The log appends this activation made (purchases share them).</summary>
    [Alias("GetDiagnostics"), Orleans.Concurrency.ReadOnly]
    Task<StateDiagnostics> GetDiagnostics();

    /// <summary>
    /// Sells to a buyer, or replays the order an earlier attempt created; answers once the order is
    /// durable in the sale's log. <see cref="SalePlacement.Result"/> is null when the sale does not
    /// answer for this order (it has ended, or the order lives in its own grain by now): the caller
    /// goes the ordinary way, through the order grain.
    /// </summary>
    [Alias("Place")]
    Task<SalePlacement> Place(SalePurchase purchase);

    /// <summary>The record of an order this sale sold and still holds, or null.</summary>
    [Alias("Find"), Orleans.Concurrency.ReadOnly]
    Task<SaleOrderRecord?> Find(string orderId);

    /// <summary>Every order id the sale has sold: lets a node that knows the sale is sold out refuse new buyers itself.</summary>
    [Alias("KnownOrders"), Orleans.Concurrency.ReadOnly]
    Task<SaleOrderIds> KnownOrders();
}

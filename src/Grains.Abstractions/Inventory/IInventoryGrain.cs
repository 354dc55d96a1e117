using Broadcart.Grains.Common;

namespace Broadcart.Grains.Inventory;

/// <summary>A product's stock, keyed by product id. Reservations share storage writes (group commit).</summary>
[Alias("Broadcart.IInventoryGrain")]
public interface IInventoryGrain : IReservable
{
    [Alias("Initialize")]
    Task Initialize(int stock);

    [Alias("GetStock")]
    Task<StockLevel> GetStock();

    /// <summary>The storage writes this activation made (reservations share them).</summary>
    [Alias("GetDiagnostics"), Orleans.Concurrency.ReadOnly]
    Task<StateDiagnostics> GetDiagnostics();

    /// <summary>Takes units out of general stock for a flash sale; idempotent by sale key.</summary>
    [Alias("Allocate")]
    Task Allocate(string saleKey, int quantity);

    /// <summary>
    /// Returns a sale's unsold units. <paramref name="returnedSoFar"/> is cumulative, so a repeated
    /// call changes nothing.
    /// </summary>
    [Alias("ReturnFromSale")]
    Task ReturnFromSale(string saleKey, int returnedSoFar);

    /// <summary>Puts a refunded order's units back on sale; idempotent by order id.</summary>
    [Alias("Restock")]
    Task Restock(string orderId, int quantity);
}

using Broadcart.Grains.Inventory;

namespace Broadcart.Grains.Sales;

/// <summary>A flash sale, keyed "{roomId}/{saleId}": stock taken from inventory at start, per-user limits.</summary>
[Alias("Broadcart.IFlashSaleGrain")]
public interface IFlashSaleGrain : IReservable
{
    [Alias("Start")]
    Task<FlashSaleView> Start(StartFlashSale command);

    [Alias("Get")]
    Task<FlashSaleView> Get();
}

namespace Broadcart.Grains.Inventory;

/// <summary>
/// Something an order reserves stock from before it records itself: a product's inventory. Every
/// call is idempotent by order id, and <see cref="Reserve"/> answers only once the reservation is durable.
/// </summary>
[Alias("Broadcart.IReservable")]
public interface IReservable : IUnitHolder
{
    /// <summary>Returns the units left after this reservation.</summary>
    [Alias("Reserve")]
    Task<int> Reserve(ReserveRequest request);
}

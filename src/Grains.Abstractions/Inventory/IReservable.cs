namespace Broadcart.Grains.Inventory;

/// <summary>
/// Something stock can be reserved from: a product's inventory or a flash sale. Every call is
/// idempotent by order id, and <see cref="Reserve"/> answers only once the reservation is durable.
/// </summary>
[Alias("Broadcart.IReservable")]
public interface IReservable : IGrainWithStringKey
{
    /// <summary>Returns the units left after this reservation.</summary>
    [Alias("Reserve")]
    Task<int> Reserve(ReserveRequest request);

    /// <summary>Gives an unpaid reservation's units back (expiry, cancellation).</summary>
    [Alias("Release")]
    Task Release(string orderId);

    /// <summary>Marks a reservation sold (paid).</summary>
    [Alias("Confirm")]
    Task Confirm(string orderId);
}

namespace Broadcart.Grains.Inventory;

/// <summary>
/// Holds the units of orders it sold: a product's inventory or a flash sale. Both calls are
/// idempotent by order id and come from the order, which decides what became of it.
/// </summary>
[Alias("Broadcart.IUnitHolder")]
public interface IUnitHolder : IGrainWithStringKey
{
    /// <summary>Gives an unpaid reservation's units back (expiry, cancellation).</summary>
    [Alias("Release")]
    Task Release(string orderId);

    /// <summary>Marks a reservation sold (paid).</summary>
    [Alias("Confirm")]
    Task Confirm(string orderId);
}

namespace Broadcart.Grains.Orders;

/// <summary>The <c>Orders</c> configuration section.</summary>
public sealed class OrderOptions
{
    /// <summary>A reserved order not paid within this expires and its stock returns.</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(10);

    public int MaxQuantity { get; set; } = 10;

    /// <summary>Off only for the benchmark's baseline: every reservation then waits for a write of its own.</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// How long past its expiry an orphaned reservation (its order never recorded) waits before the
    /// stock holder asks the order and releases it.
    /// </summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromMinutes(1);
}

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

    /// <summary>A sale's log is folded into a snapshot after this many appends (and once the sale ends).</summary>
    public int SaleCompactEvery { get; set; } = 256;

    /// <summary>A sale hands its orders to their own grains only once no purchase has reached it for this long.</summary>
    public TimeSpan HandoffQuiet { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a quiet sale hands off a batch, and how many orders per batch: the paced rate of order writes.</summary>
    public TimeSpan HandoffInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int HandoffBatch { get; set; } = 20;
}

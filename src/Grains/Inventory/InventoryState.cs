using Broadcart.Grains.Common;

namespace Broadcart.Grains.Inventory;

[GenerateSerializer, Alias("Broadcart.InventoryState")]
public sealed class InventoryState
{
    [Id(0)] public bool Initialized { get; set; }
    [Id(1)] public int Available { get; set; }
    [Id(2)] public int Sold { get; set; }
    [Id(3)] public Dictionary<string, ReservationEntry> Reservations { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public Dictionary<string, SaleAllocation> Sales { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Refunded orders whose units came back (refunds are few: the set stays small).</summary>
    [Id(5)] public HashSet<string> Restocked { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("Broadcart.SaleAllocation")]
public sealed class SaleAllocation
{
    [Id(0)] public int Allocated { get; set; }
    [Id(1)] public int Returned { get; set; }
}

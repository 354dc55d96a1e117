using Broadcart.Grains.Common;

namespace Broadcart.Grains.Sales;

[GenerateSerializer, Alias("Broadcart.FlashSaleState")]
public sealed class FlashSaleState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string RoomId { get; set; } = string.Empty;
    [Id(2)] public string SaleId { get; set; } = string.Empty;
    [Id(3)] public string ProductId { get; set; } = string.Empty;
    [Id(4)] public FlashSalePhase Phase { get; set; }
    [Id(5)] public int Quantity { get; set; }
    [Id(6)] public int Remaining { get; set; }
    [Id(7)] public int PerUserLimit { get; set; }
    [Id(8)] public DateTimeOffset EndsAt { get; set; }
    [Id(9)] public Money? Price { get; set; }
    [Id(10)] public Dictionary<string, ReservationEntry> Reservations { get; set; } = new(StringComparer.Ordinal);
    [Id(11)] public Dictionary<string, int> BoughtByUser { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Units handed back to inventory so far (cumulative, so handing back is idempotent).</summary>
    [Id(12)] public int ReturnedToInventory { get; set; }

    /// <summary>Grows with every write and survives reactivation: how the room orders the sale's news.</summary>
    [Id(13)] public long Version { get; set; }
}

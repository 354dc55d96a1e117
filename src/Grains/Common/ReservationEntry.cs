namespace Broadcart.Grains.Common;

/// <summary>One order's hold on units, in inventory or flash-sale state.</summary>
[GenerateSerializer, Alias("Broadcart.ReservationEntry")]
public sealed class ReservationEntry
{
    [Id(0)] public string BuyerId { get; set; } = string.Empty;
    [Id(1)] public int Quantity { get; set; }
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(3)] public bool Confirmed { get; set; }
}

using Broadcart.Grains.Common;

namespace Broadcart.Grains.Deals;

[GenerateSerializer, Alias("Broadcart.MerchantCommissionState")]
public sealed class MerchantCommissionState
{
    /// <summary>Per order: its deal and commission; reversed orders are kept (flagged) so a late retry of the accrual cannot revive them.</summary>
    [Id(0)] public Dictionary<string, MerchantCommissionEntry> Orders { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("Broadcart.MerchantCommissionEntry")]
public sealed record MerchantCommissionEntry(
    [property: Id(0)] string DealId,
    [property: Id(1)] Money Amount,
    [property: Id(2)] bool Reversed);

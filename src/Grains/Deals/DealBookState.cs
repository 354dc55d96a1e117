namespace Broadcart.Grains.Deals;

[GenerateSerializer, Alias("Broadcart.DealBookState")]
public sealed class DealBookState
{
    [Id(0)] public Dictionary<string, DealView> Deals { get; set; } = new(StringComparer.Ordinal);
}

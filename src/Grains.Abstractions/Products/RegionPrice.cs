namespace Broadcart.Grains.Products;

[GenerateSerializer, Immutable, Alias("Broadcart.RegionPrice")]
public sealed record RegionPrice(
    [property: Id(0)] string Region,
    [property: Id(1)] string Currency,
    [property: Id(2)] long AmountMinor);

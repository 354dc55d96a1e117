using System.Collections.Immutable;

namespace Broadcart.Grains.Commerce;

[GenerateSerializer, Immutable, Alias("Broadcart.SaleOrderIds")]
public sealed record SaleOrderIds(
    [property: Id(0)] long Version,
    [property: Id(1)] FlashSalePhase Phase,
    [property: Id(2)] ImmutableArray<string> OrderIds);

using System.Collections.Immutable;

namespace Broadcart.Grains.Products;

[GenerateSerializer, Immutable, Alias("Broadcart.CreateProduct")]
public sealed record CreateProduct(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string? ImageUrl,
    [property: Id(4)] int Stock,
    [property: Id(5)] ImmutableArray<RegionPrice> Prices,
    [property: Id(6)] ImmutableArray<string> ShipsTo,
    [property: Id(7)] bool RestockOnRefund = true);

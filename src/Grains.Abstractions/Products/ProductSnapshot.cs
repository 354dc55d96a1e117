using System.Collections.Immutable;

namespace Broadcart.Grains.Products;

[GenerateSerializer, Immutable, Alias("Broadcart.ProductSnapshot")]
public sealed record ProductSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Description,
    [property: Id(4)] string? ImageUrl,
    [property: Id(5)] ImmutableArray<RegionPrice> Prices,
    [property: Id(6)] ImmutableArray<string> ShipsTo,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] bool RestockOnRefund = true);

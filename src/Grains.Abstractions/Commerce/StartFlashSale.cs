using Broadcart.Grains.Common;
using Broadcart.Grains.Products;

namespace Broadcart.Grains.Commerce;

[GenerateSerializer, Immutable, Alias("Broadcart.StartFlashSale")]
public sealed record StartFlashSale(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string SaleId,
    [property: Id(2)] string ProductId,
    [property: Id(3)] int Quantity,
    [property: Id(4)] int PerUserLimit,
    [property: Id(5)] int DurationSeconds,
    [property: Id(6)] Money? Price,
    [property: Id(7)] ProductSnapshot Product);

using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

[GenerateSerializer, Immutable, Alias("Broadcart.FlashSaleRequest")]
public sealed record FlashSaleRequest(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] int PerUserLimit,
    [property: Id(3)] int DurationSeconds,
    [property: Id(4)] Money? Price);

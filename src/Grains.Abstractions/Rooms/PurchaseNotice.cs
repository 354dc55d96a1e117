using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

[GenerateSerializer, Immutable, Alias("Broadcart.PurchaseNotice")]
public sealed record PurchaseNotice(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] int Quantity,
    [property: Id(3)] string BuyerName,
    [property: Id(4)] string Region,
    [property: Id(5)] Money Total);

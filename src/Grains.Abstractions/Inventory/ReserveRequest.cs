namespace Broadcart.Grains.Inventory;

[GenerateSerializer, Immutable, Alias("Broadcart.ReserveRequest")]
public sealed record ReserveRequest(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] int Quantity,
    [property: Id(3)] DateTimeOffset ExpiresAt);

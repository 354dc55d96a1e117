namespace Broadcart.Grains.Inventory;

[GenerateSerializer, Immutable, Alias("Broadcart.StockLevel")]
public sealed record StockLevel(
    [property: Id(0)] int Available,
    [property: Id(1)] int Reserved,
    [property: Id(2)] int Sold,
    [property: Id(3)] int AllocatedToSales,
    [property: Id(4)] long StateWrites);

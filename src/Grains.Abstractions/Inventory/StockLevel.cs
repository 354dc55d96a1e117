namespace Broadcart.Grains.Inventory;

[GenerateSerializer, Immutable, Alias("Broadcart.StockLevel")]
public sealed record StockLevel(
    [property: Id(0)] int Available,
    [property: Id(1)] int Reserved,
    [property: Id(2)] int Sold,

    // Id 4 was the write count, now IInventoryGrain.GetDiagnostics: never reuse it.
    [property: Id(3)] int AllocatedToSales);

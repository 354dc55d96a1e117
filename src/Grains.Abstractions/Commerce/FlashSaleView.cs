using Broadcart.Grains.Common;

namespace Broadcart.Grains.Commerce;

[GenerateSerializer, Immutable, Alias("Broadcart.FlashSaleView")]
public sealed record FlashSaleView(
    [property: Id(0)] string SaleId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] string ProductId,
    [property: Id(3)] FlashSalePhase Phase,
    [property: Id(4)] int Quantity,
    [property: Id(5)] int Remaining,
    [property: Id(6)] int PerUserLimit,
    [property: Id(7)] DateTimeOffset EndsAt,
    [property: Id(8)] Money? Price,

    // Id 9 was the sale's write count, now IFlashSaleGrain.GetDiagnostics: never reuse it.
    [property: Id(10)] long Version)
{
    public string Key => FlashSaleKeys.Key(RoomId, SaleId);

    public bool IsOpen => Phase != FlashSalePhase.Ended;
}

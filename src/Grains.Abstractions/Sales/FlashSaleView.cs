using Broadcart.Grains.Common;

namespace Broadcart.Grains.Sales;

[GenerateSerializer, Immutable, Alias("Broadcart.FlashSaleView")]
public sealed record FlashSaleView(
    [property: Id(0)] string SaleId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] string ProductId,
    [property: Id(3)] FlashSalePhase State,
    [property: Id(4)] int Quantity,
    [property: Id(5)] int Remaining,
    [property: Id(6)] int PerUserLimit,
    [property: Id(7)] DateTimeOffset EndsAt,
    [property: Id(8)] Money? Price,
    [property: Id(9)] long StateWrites,
    [property: Id(10)] long Version)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => FlashSaleKeys.Key(RoomId, SaleId);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => State != FlashSalePhase.Ended;
}

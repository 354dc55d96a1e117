using Broadcart.Grains.Common;
using Broadcart.Grains.Commerce;

namespace Broadcart.Api.Commerce;

/// <summary>The <c>flashSale</c> event and the room's <c>flashSale</c> member.</summary>
public sealed record FlashSalePayload(
    string RoomId,
    string SaleId,
    string ProductId,
    FlashSalePhase State,
    int Quantity,
    int Remaining,
    int PerUserLimit,
    DateTimeOffset EndsAt,
    Money? Price)
{
    public static FlashSalePayload From(FlashSaleView s) =>
        new(s.RoomId, s.SaleId, s.ProductId, s.Phase, s.Quantity, s.Remaining, s.PerUserLimit, s.EndsAt, s.Price);
}

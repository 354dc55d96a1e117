using System.Text.RegularExpressions;
using Broadcart.Api.Identity;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Common;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Commerce;

namespace Broadcart.Api.Orders;

/// <summary>
/// The one way into an order, for REST and the hub alike. During a flash sale of the product the
/// purchase goes straight to the sale (node, sale, durable log, answer); once the room has said the
/// sale is sold out, new buyers are refused here. Everything else goes through the order grain.
/// </summary>
public sealed partial class OrderPlacement(IGrainFactory grains, RoomCommerceViews views, SoldOutSales soldOut, TimeProvider time)
{
    public async Task<PlaceOrderResult> PlaceAsync(Actor buyer, string roomId, string? productId, int? quantity, string? idempotencyKey)
    {
        RoomIds.Validate(roomId);
        if (!Identifiers.IsValid(productId))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "productId is required and must be a valid id");
        }

        if (quantity is null)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "quantity is required");
        }

        if (idempotencyKey is null || !KeyPattern().IsMatch(idempotencyKey))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed,
                "idempotencyKey is required: 1 to 100 letters, digits, '.', '_', ':' or '-' (a UUID per purchase attempt is ideal)");
        }

        var orderId = OrderIds.For(buyer.UserId, idempotencyKey);
        if (await OpenSaleAsync(roomId, productId!, buyer.Region) is { } sale)
        {
            if (sale.Phase == FlashSalePhase.SoldOut && await soldOut.RefusesAsync(sale, orderId))
            {
                throw new BroadcartException(CommerceErrors.SoldOut, "the flash sale is sold out");
            }

            var placed = await grains.GetGrain<IFlashSaleGrain>(sale.Key)
                .Place(new SalePurchase(orderId, roomId, productId!, quantity.Value, idempotencyKey, buyer));
            if (placed.Result is { } result)
            {
                soldOut.Placed(sale.Key, orderId);
                return result;
            }
        }

        return await grains.GetGrain<IOrderGrain>(orderId)
            .Place(new PlaceOrder(roomId, productId!, quantity.Value, idempotencyKey, buyer));
    }

    /// <summary>The sale to send this purchase to, when the room's view says one is open for the product and the buyer's region.</summary>
    private async Task<FlashSaleView?> OpenSaleAsync(string roomId, string productId, string region)
    {
        var room = await views.RoomAsync(roomId);
        if (room is not { Status: Grains.Rooms.RoomStatus.Live, FlashSale: { IsOpen: true } sale }
            || sale.ProductId != productId
            || sale.EndsAt <= time.GetUtcNow()
            || room.Showcase.All(p => p.Id != productId))
        {
            return null;
        }

        room.EnsureSellsTo(region);
        return sale;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex KeyPattern();
}

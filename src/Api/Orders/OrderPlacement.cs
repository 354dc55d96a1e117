using System.Text.RegularExpressions;
using Broadcart.Api.Identity;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Common;
using Broadcart.Grains.Orders;

namespace Broadcart.Api.Orders;

/// <summary>The one way into an order, for REST and the hub alike.</summary>
public sealed partial class OrderPlacement(IGrainFactory grains)
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
        return await grains.GetGrain<IOrderGrain>(orderId)
            .Place(new PlaceOrder(roomId, productId!, quantity.Value, idempotencyKey, buyer));
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex KeyPattern();
}

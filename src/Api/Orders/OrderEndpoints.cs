using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Live;
using Broadcart.Grains.Common;
using Broadcart.Grains.Orders;

namespace Broadcart.Api.Orders;

public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/rooms/{roomId}/orders", async Task<IResult> (string roomId, OrderRequest body, ClaimsPrincipal user, ViewerRegion regions, HttpContext http, OrderPlacement orders) =>
            {
                var result = await orders.PlaceAsync(user.ToActor(regions.Resolve(http, user)), roomId, body.ProductId, body.Quantity, body.IdempotencyKey);
                var response = OrderResponse.From(result.Order);
                return result.Created
                    ? TypedResults.Created($"/api/orders/{response.OrderId}", response)
                    : TypedResults.Ok(response);
            })
            .RequireAuthorization()
            .WithTags("Orders")
            .WithSummary("Reserve stock and create an order; the same idempotency key returns the same order");

        app.MapGet("/api/orders/{orderId}", async (string orderId, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                if (!Identifiers.IsValid(orderId))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "orderId is not a valid id");
                }

                var order = await grains.GetGrain<IOrderGrain>(orderId).Get();
                var caller = user.UserId();
                if (caller != order.BuyerId && caller != order.MerchantId && !user.IsInRole(Roles.Admin))
                {
                    throw new BroadcartException(ErrorCodes.Forbidden, "only the buyer and the product's merchant may read this order");
                }

                return TypedResults.Ok(OrderResponse.From(order));
            })
            .RequireAuthorization()
            .WithTags("Orders")
            .WithSummary("An order (buyer, merchant)");
        return app;
    }
}

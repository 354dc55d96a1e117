using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Live;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Commerce;

/// <summary>Showcase, pin and flash sales: the streamer's selling tools on a room.</summary>
public static class CommerceEndpoints
{
    public static IEndpointRouteBuilder MapCommerce(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms/{roomId}").RequireAuthorization().WithTags("Selling");

        rooms.MapPost("/showcase", async (string roomId, ProductRef body, ClaimsPrincipal user, ViewerRegion regions, HttpContext http, IGrainFactory grains) =>
            {
                var region = regions.Resolve(http, user);
                var room = await Room(grains, roomId).AddToShowcase(user.ToActor(region), ProductId(body.ProductId));
                return TypedResults.Ok(RoomView.From(room, region));
            })
            .WithSummary("Add a product to the room's showcase (owner)");

        rooms.MapPost("/pin", async (string roomId, ProductRef body, ClaimsPrincipal user, ViewerRegion regions, HttpContext http, IGrainFactory grains) =>
            {
                var region = regions.Resolve(http, user);
                var room = await Room(grains, roomId).Pin(user.ToActor(region), ProductId(body.ProductId));
                return TypedResults.Ok(RoomView.From(room, region));
            })
            .WithSummary("Pin a showcase product (owner); pushes productPinned, priced per region");

        rooms.MapPost("/flash-sales", async (string roomId, FlashSaleBody body, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var request = new FlashSaleRequest(
                    ProductId(body.ProductId),
                    body.Quantity ?? throw Missing("quantity"),
                    body.PerUserLimit ?? 1,
                    body.DurationSeconds ?? throw Missing("durationSeconds"),
                    body.Price);
                var sale = await Room(grains, roomId).StartFlashSale(user.ToActor(user.ClaimedRegion()), request);
                return TypedResults.Created($"/api/rooms/{roomId}", FlashSalePayload.From(sale));
            })
            .WithSummary("Start a flash sale now (owner); pushes flashSale");
        return app;
    }

    private static ILiveRoomGrain Room(IGrainFactory grains, string roomId) => grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId));

    private static string ProductId(string? productId) => Identifiers.IsValid(productId)
        ? productId!
        : throw new BroadcartException(ErrorCodes.ValidationFailed, "productId is required and must be a valid id");

    private static BroadcartException Missing(string field) => new(ErrorCodes.ValidationFailed, $"{field} is required");
}

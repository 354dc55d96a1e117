using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Auctions;
using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Auctions;

public static class AuctionEndpoints
{
    public static IEndpointRouteBuilder MapAuctions(this IEndpointRouteBuilder app)
    {
        var auctions = app.MapGroup("/api/rooms/{roomId}/auctions").RequireAuthorization().WithTags("Auctions");

        auctions.MapPost("/", async (string roomId, AuctionBody body, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var request = new AuctionRequest(
                    Identifiers.IsValid(body.ProductId) ? body.ProductId! : throw new BroadcartException(ErrorCodes.ValidationFailed, "productId is required and must be a valid id"),
                    body.StartPrice ?? throw Missing("startPrice"),
                    body.Increment ?? throw Missing("increment"),
                    body.DurationSeconds ?? throw Missing("durationSeconds"),
                    body.AntiSnipeSeconds ?? AuctionRequest.DefaultAntiSnipeSeconds,
                    body.ExtendSeconds ?? AuctionRequest.DefaultExtendSeconds);
                var auction = await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).OpenAuction(user.ToActor(user.ClaimedRegion()), request);
                return TypedResults.Created($"/api/rooms/{roomId}/auctions/{auction.AuctionId}", new AuctionOpened(auction.AuctionId, auction.EndsAt, AuctionPayload.From(auction)));
            })
            .WithSummary("Open an auction of one unit of a product (owner, room live); pushes auction");

        auctions.MapGet("/{auctionId}", async (string roomId, string auctionId, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var auction = await Auction(grains, roomId, auctionId).Get();
                return TypedResults.Ok(AuctionPayload.From(auction, user.UserId()));
            })
            .WithSummary("An auction's state; the winner also gets its orderId");
        return app;
    }

    public static IAuctionGrain Auction(IGrainFactory grains, string roomId, string auctionId) =>
        grains.GetGrain<IAuctionGrain>(AuctionKeys.Key(
            RoomIds.Validate(roomId),
            Identifiers.IsValid(auctionId) ? auctionId : throw new BroadcartException(ErrorCodes.ValidationFailed, "auctionId must be a valid id")));

    private static BroadcartException Missing(string field) => new(ErrorCodes.ValidationFailed, $"{field} is required");
}

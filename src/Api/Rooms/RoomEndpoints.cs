using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Live;
using Broadcart.Api.Media;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Rooms;

public static class RoomEndpoints
{
    public static IEndpointRouteBuilder MapRooms(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms").RequireAuthorization().WithTags("Rooms");

        rooms.MapPost("/", async (CreateRoomRequest request, ClaimsPrincipal user, ViewerRegion regions, HttpContext http, IGrainFactory grains, MediaStore media) =>
            {
                var cover = string.IsNullOrWhiteSpace(request.CoverUrl) ? null : request.CoverUrl.Trim();
                await media.VerifyAsync(cover, "coverUrl");
                if (request.MerchantId is not null && !Identifiers.IsValid(request.MerchantId))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "merchantId must be 1 to 64 letters, digits, '.', '_' or '-'");
                }

                var actor = user.ToActor(regions.Resolve(http, user));

                // A streamer becomes a creator others can follow with their first room.
                await grains.GetGrain<ICreatorGrain>(actor.UserId).Register(actor.Name, user.ClaimedRegion());
                var id = RoomIds.New();
                var snapshot = await grains.GetGrain<ILiveRoomGrain>(id).Create(new CreateRoom(
                    request.Title ?? string.Empty,
                    string.IsNullOrWhiteSpace(request.Language) ? "en" : request.Language.Trim(),
                    string.IsNullOrWhiteSpace(request.HomeRegion) ? user.ClaimedRegion() : request.HomeRegion.Trim(),
                    request.MerchantId,
                    actor,
                    cover));
                return TypedResults.Created($"/api/rooms/{id}", RoomView.From(snapshot, actor.Region));
            })
            .RequireAuthorization(Policies.Streamer)
            .WithSummary("Create a room (streamer)");

        rooms.MapGet("/{roomId}", async (string roomId, ClaimsPrincipal user, ViewerRegion regions, HttpContext http, IGrainFactory grains) =>
                TypedResults.Ok(RoomView.From(await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).GetSnapshot(), regions.Resolve(http, user))))
            .WithSummary("Room snapshot");

        rooms.MapPost("/{roomId}/start", async (string roomId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(RoomView.From(await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).Start(user.ToActor(user.ClaimedRegion())), user.ClaimedRegion())))
            .WithSummary("Go live (owner); pushes roomStatus");

        rooms.MapPost("/{roomId}/end", async (string roomId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(RoomView.From(await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).End(user.ToActor(user.ClaimedRegion())), user.ClaimedRegion())))
            .WithSummary("End the room (owner); pushes roomStatus");

        rooms.MapPost("/{roomId}/moderators/{userId}", async (string roomId, string userId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(RoomModeratorsView.From(await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId))
                    .AppointModerator(user.ToActor(user.ClaimedRegion()), ValidUserId(userId)))))
            .WithSummary("Appoint a moderator of this room (owner; idempotent)");

        rooms.MapDelete("/{roomId}/moderators/{userId}", async (string roomId, string userId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(RoomModeratorsView.From(await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId))
                    .DismissModerator(user.ToActor(user.ClaimedRegion()), ValidUserId(userId)))))
            .WithSummary("Dismiss a moderator of this room (owner; idempotent)");

        return app;
    }

    private static string ValidUserId(string userId) => Identifiers.IsValid(userId)
        ? userId
        : throw new BroadcartException(ErrorCodes.ValidationFailed, "userId must be 1 to 64 letters, digits, '.', '_' or '-'");
}

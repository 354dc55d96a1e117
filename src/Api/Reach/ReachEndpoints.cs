using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Common;
using Broadcart.Grains.Reach;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Reach;

public static class ReachEndpoints
{
    public static IEndpointRouteBuilder MapReach(this IEndpointRouteBuilder app)
    {
        var reach = app.MapGroup("/api/rooms/{roomId}/reach").RequireAuthorization().WithTags("Reach");

        reach.MapPut("/", async (string roomId, ReachRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var setting = new ReachSetting(
                    [.. (body.Regions ?? []).Select(r => r.Trim())],
                    [.. (body.ExcludedRegions ?? []).Select(r => r.Trim())],
                    body.Budget ?? throw new BroadcartException(ErrorCodes.ValidationFailed, "budget is required"),
                    body.BidCpm ?? throw new BroadcartException(ErrorCodes.ValidationFailed, "bidCpm is required"),
                    body.ParseMode(),
                    body.PlannedMinutes);
                var view = await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).SetReach(user.ToActor(user.ClaimedRegion()), setting);
                return TypedResults.Ok(ReachResponse.From(view));
            })
            .WithSummary("Set the room's audience reach (owner or the room's merchant); pushes geo to the regions it changes");

        reach.MapGet("/", async (string roomId, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                await RoomEarningsAccess.EnsureMaySeeAsync(grains, roomId, user);
                var view = await grains.GetGrain<IRoomReachGrain>(roomId).Get()
                    ?? throw new BroadcartException(ErrorCodes.NotFound, "no reach is set: the room is shown organically in its home region only");
                return TypedResults.Ok(ReachResponse.From(view));
            })
            .WithSummary("The room's reach with spend so far (owner or the room's merchant)");

        reach.MapPost("/pause", async (string roomId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(ReachResponse.From(await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).SetReachPaused(user.ToActor(user.ClaimedRegion()), true))))
            .WithSummary("Pause the paid reach (owner or the room's merchant): paid regions leave their feeds, organic reach stays; idempotent");

        reach.MapPost("/resume", async (string roomId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(ReachResponse.From(await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).SetReachPaused(user.ToActor(user.ClaimedRegion()), false))))
            .WithSummary("Resume a paused reach (owner or the room's merchant); 409 budget_exhausted when nothing is left to spend");
        return app;
    }
}

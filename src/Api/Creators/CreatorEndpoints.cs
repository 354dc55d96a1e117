using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;
using Broadcart.Grains.Earnings;

namespace Broadcart.Api.Creators;

public static class CreatorEndpoints
{
    public static IEndpointRouteBuilder MapCreators(this IEndpointRouteBuilder app)
    {
        var creators = app.MapGroup("/api/creators/{creatorId}").RequireAuthorization().WithTags("Creators");

        creators.MapGet("/", async (string creatorId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(await Creator(grains, creatorId == Me ? user.UserId() : creatorId).Get()))
            .WithSummary("A creator's profile: name, region, followers, verification (`me` for one's own)");

        creators.MapPost("/follow", async (string creatorId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(await Creator(grains, creatorId).Follow(user.UserId())))
            .WithSummary("Follow a creator (idempotent)");

        creators.MapDelete("/follow", async (string creatorId, ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(await Creator(grains, creatorId).Unfollow(user.UserId())))
            .WithSummary("Unfollow a creator (idempotent)");

        app.MapGet("/api/creators/me/earnings", async (ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var creatorId = user.UserId();
                var profile = await grains.GetGrain<ICreatorGrain>(creatorId).Register(user.ToActor(user.ClaimedRegion()).Name, user.ClaimedRegion());
                return TypedResults.Ok(EarningsView.From(await grains.GetGrain<ICreatorLedgerGrain>(creatorId).Get(), profile.PayoutCurrency));
            })
            .RequireAuthorization(Policies.Streamer)
            .WithTags("Creators")
            .WithSummary("The caller's commission: pending, available and paid out, per currency, with each order's entry");

        return app;
    }

    /// <summary>Stands for the caller in <c>/api/creators/me/...</c>; no user id can be it, since ids are checked against it.</summary>
    public const string Me = "me";

    public static ICreatorGrain Creator(IGrainFactory grains, string creatorId) => Identifiers.IsValid(creatorId)
        ? grains.GetGrain<ICreatorGrain>(creatorId)
        : throw new BroadcartException(ErrorCodes.ValidationFailed, "creatorId must be 1 to 64 letters, digits, '.', '_' or '-'");
}

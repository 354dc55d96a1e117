using System.Security.Claims;
using System.Text.RegularExpressions;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;
using Broadcart.Grains.Payouts;

namespace Broadcart.Api.Creators;

public static partial class PayoutEndpoints
{
    public static IEndpointRouteBuilder MapPayouts(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/creators/me").RequireAuthorization(Policies.Streamer).WithTags("Creators");

        me.MapPut("/payout-method", async (PayoutMethodRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var method = new PayoutMethod(
                    Required(body.Rail, "rail"), Required(body.Country, "country"), Required(body.Currency, "currency"), Required(body.AccountRef, "accountRef"));
                await RegisterAsync(user, grains);
                return TypedResults.Ok(await Payouts(user, grains).SetMethod(method));
            })
            .WithSummary("Where payouts go: the rail, the account's country (alpha-2) and currency (one the reference rates give), and the account at the rail");

        me.MapGet("/payout-method", async (ClaimsPrincipal user, IGrainFactory grains) =>
                await Payouts(user, grains).GetMethod() is { } method
                    ? TypedResults.Ok(method)
                    : throw new BroadcartException(ErrorCodes.NotFound, "no payout method is set"))
            .WithSummary("The caller's payout method");

        me.MapPost("/payouts", async Task<IResult> (PayoutRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                if (body.IdempotencyKey is not { } key || !KeyPattern().IsMatch(key))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed,
                        "idempotencyKey is required: 1 to 100 letters, digits, '.', '_', ':' or '-' (a UUID per payout attempt is ideal)");
                }

                await RegisterAsync(user, grains);
                var result = await Payouts(user, grains).Request(key);
                var view = PayoutView.From(result.Payout);
                return result.Created ? TypedResults.Created($"/api/creators/me/payouts/{view.PayoutId}", view) : TypedResults.Ok(view);
            })
            .WithSummary("Pay out everything available, converted into the payout currency at the day's reference rates; the same key answers the same payout");

        me.MapGet("/payouts/quote", async (ClaimsPrincipal user, IGrainFactory grains) =>
            {
                await RegisterAsync(user, grains);
                return TypedResults.Ok(PayoutQuoteView.From(await Payouts(user, grains).Quote()));
            })
            .WithSummary("What a payout would send now, at today's rates, for the creator to confirm (nothing changes); the payout's refusals");

        me.MapGet("/payouts", async (ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(new PayoutListView([.. (await Payouts(user, grains).List()).Select(PayoutView.From)])))
            .WithSummary("The caller's payouts, newest first: submitted, paid or failed");

        return app;
    }

    private static ICreatorPayoutsGrain Payouts(ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<ICreatorPayoutsGrain>(user.UserId());

    /// <summary>A streamer who never opened a room is a creator from here on, as with earnings.</summary>
    private static Task<CreatorProfile> RegisterAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        grains.GetGrain<ICreatorGrain>(user.UserId()).Register(user.ToActor(user.ClaimedRegion()).Name, user.ClaimedRegion());

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new BroadcartException(ErrorCodes.ValidationFailed, $"{field} is required") : value;

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex KeyPattern();
}

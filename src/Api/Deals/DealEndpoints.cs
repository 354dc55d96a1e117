using System.Collections.Immutable;
using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;
using Broadcart.Grains.Deals;

namespace Broadcart.Api.Deals;

public static class DealEndpoints
{
    public static IEndpointRouteBuilder MapDeals(this IEndpointRouteBuilder app)
    {
        var deals = app.MapGroup("/api/deals").RequireAuthorization().WithTags("Deals");

        deals.MapPost("/", async (DealRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                if (!Identifiers.IsValid(body.ProductId))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "productId must name a product");
                }

                if (body.CommissionBps is null)
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "commissionBps is required (basis points of the order total: 1000 is 10%)");
                }

                var deal = await Book(grains).Offer(user.ToActor(user.ClaimedRegion()),
                    new DealOffer(body.ProductId!, body.CommissionBps.Value, body.MinFollowers ?? 1_000, [.. (body.Regions ?? []).Select(r => r?.Trim().ToUpperInvariant() ?? string.Empty)]));
                return TypedResults.Created($"/api/deals/{deal.DealId}", DealResponse.For(deal, user.UserId()));
            })
            .RequireAuthorization(Policies.Merchant)
            .WithSummary("Offer a product to creators for a commission (the product's merchant)");

        deals.MapGet("/", async (ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var userId = user.UserId();
                var isMerchant = user.IsInRole(Roles.Merchant);
                var isCreator = user.IsInRole(Roles.Streamer);
                if (!isMerchant && !isCreator)
                {
                    throw new BroadcartException(ErrorCodes.Forbidden, "deals are for merchants and creators");
                }

                var seen = new List<DealView>();
                IReadOnlyDictionary<string, ImmutableArray<Money>>? owed = null;
                if (isMerchant)
                {
                    seen.AddRange(await Book(grains).ForMerchant(userId));
                    owed = await grains.GetGrain<IMerchantCommissionGrain>(userId).Owed();
                }

                if (isCreator)
                {
                    await RegisterAsync(grains, user);
                    seen.AddRange(await Book(grains).ForCreator(userId));
                }

                return TypedResults.Ok(new DealList([.. seen.DistinctBy(d => d.DealId).Select(d => DealResponse.For(d, userId, owed))]));
            })
            .WithSummary("Merchants: their deals; creators: open offers they qualify for and the deals they accepted");

        deals.MapPost("/{dealId}/accept", async (string dealId, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                if (!Identifiers.IsValid(dealId))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "dealId must name a deal");
                }

                await RegisterAsync(grains, user);
                return TypedResults.Ok(DealResponse.For(await Book(grains).Accept(dealId, user.UserId()), user.UserId()));
            })
            .RequireAuthorization(Policies.Streamer)
            .WithSummary("Accept a deal (a verified creator with enough followers)");

        return app;
    }

    private static IDealBookGrain Book(IGrainFactory grains) => grains.GetGrain<IDealBookGrain>(IDealBookGrain.Key);

    private static Task<CreatorProfile> RegisterAsync(IGrainFactory grains, ClaimsPrincipal user) =>
        grains.GetGrain<ICreatorGrain>(user.UserId()).Register(user.ToActor(user.ClaimedRegion()).Name, user.ClaimedRegion());
}

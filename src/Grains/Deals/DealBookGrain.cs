using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;
using Broadcart.Grains.Products;

namespace Broadcart.Grains.Deals;

/// <summary>
/// All deals in one grain: a marketplace's offers number in the thousands, and one state keeps an
/// offer and its acceptances consistent without a second write. docs/architecture.md says how it
/// would be split (by merchant, with a per-product index) when it outgrows one grain.
/// </summary>
public sealed class DealBookGrain(
    [PersistentState("deals", StorageNames.Default)] IPersistentState<DealBookState> state,
    TimeProvider time) : Grain, IDealBookGrain
{
    public const int MaxCommissionBps = 5_000;
    private DealBookState Book => state.State;

    public async Task<DealView> Offer(Actor merchant, DealOffer offer)
    {
        if (offer.CommissionBps is < 1 or > MaxCommissionBps)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"commissionBps must be between 1 and {MaxCommissionBps} (50%)");
        }

        if (offer.MinFollowers is < 0 or > 1_000_000_000)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "minFollowers must be between 0 and 1,000,000,000");
        }

        var regions = offer.Regions.IsDefault ? [] : offer.Regions;
        if (regions.Length > 100 || regions.Any(r => !Regions.IsValid(r)))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "regions must be at most 100 ISO 3166-1 alpha-2 codes");
        }

        var product = await GrainFactory.GetGrain<IProductGrain>(offer.ProductId).Get();
        if (product.MerchantId != merchant.UserId && !merchant.IsAdmin)
        {
            throw new BroadcartException(ErrorCodes.Forbidden, "only the product's merchant may offer it");
        }

        var deal = new DealView("d" + Guid.NewGuid().ToString("N")[..12], product.Id, product.MerchantId, offer.CommissionBps,
            offer.MinFollowers, [.. regions.Distinct()], time.GetUtcNow(), []);
        Book.Deals[deal.DealId] = deal;
        await state.WriteOrUndoAsync(() => Book.Deals.Remove(deal.DealId));
        return deal;
    }

    public async Task<DealView> Accept(string dealId, string creatorId)
    {
        if (!Book.Deals.TryGetValue(dealId, out var deal))
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"deal {dealId} does not exist");
        }

        if (deal.AcceptedBy.Contains(creatorId))
        {
            return deal;
        }

        var creator = await GrainFactory.GetGrain<ICreatorGrain>(creatorId).Get();
        if (creator.Verification != VerificationStatus.Verified)
        {
            throw new BroadcartException(CreatorErrors.NotVerified, "only verified creators may accept deals: submit your identity documents first");
        }

        if (creator.Followers < deal.MinFollowers)
        {
            throw new BroadcartException(CreatorErrors.NotEnoughFollowers, $"this deal needs at least {deal.MinFollowers} followers; you have {creator.Followers}");
        }

        if (!InRegion(deal, creator))
        {
            throw new BroadcartException(ErrorCodes.Forbidden, $"this deal is for creators in {string.Join(", ", deal.Regions)}");
        }

        var accepted = deal with { AcceptedBy = deal.AcceptedBy.Add(creatorId) };
        Book.Deals[dealId] = accepted;
        await state.WriteOrUndoAsync(() => Book.Deals[dealId] = deal);
        return accepted;
    }

    public Task<ImmutableArray<DealView>> ForMerchant(string merchantId) =>
        Task.FromResult(Book.Deals.Values.Where(d => d.MerchantId == merchantId).OrderBy(d => d.CreatedAt).ToImmutableArray());

    public async Task<ImmutableArray<DealView>> ForCreator(string creatorId)
    {
        var creator = await GrainFactory.GetGrain<ICreatorGrain>(creatorId).Get();
        return [.. Book.Deals.Values
            .Where(d => d.AcceptedBy.Contains(creatorId) || (creator.Followers >= d.MinFollowers && InRegion(d, creator)))
            .OrderBy(d => d.CreatedAt)];
    }

    public Task<DealView?> AcceptedDeal(string productId, string creatorId) =>
        Task.FromResult(Book.Deals.Values.Where(d => d.ProductId == productId && d.AcceptedBy.Contains(creatorId)).MaxBy(d => d.CommissionBps));

    private static bool InRegion(DealView deal, CreatorProfile creator) => deal.Regions.IsEmpty || deal.Regions.Contains(creator.Region);
}

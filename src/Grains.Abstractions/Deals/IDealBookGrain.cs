using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Deals;

/// <summary>Every deal and who accepted it (one grain, key <see cref="Key"/>): the system of record for deals.</summary>
[Alias("Broadcart.IDealBookGrain")]
public interface IDealBookGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>The product's merchant offers it; <c>forbidden</c> for anyone else.</summary>
    [Alias("Offer")]
    Task<DealView> Offer(Actor merchant, DealOffer offer);

    /// <summary>A verified creator with enough followers (and in the deal's regions) accepts; idempotent.</summary>
    [Alias("Accept")]
    Task<DealView> Accept(string dealId, string creatorId);

    [Alias("ForMerchant")]
    Task<ImmutableArray<DealView>> ForMerchant(string merchantId);

    /// <summary>Open offers the creator qualifies for (followers, region) and the deals they accepted.</summary>
    [Alias("ForCreator")]
    Task<ImmutableArray<DealView>> ForCreator(string creatorId);

    /// <summary>The deal of this product the creator accepted, if any: what a paid order in their room earns.</summary>
    [Alias("AcceptedDeal")]
    Task<DealView?> AcceptedDeal(string productId, string creatorId);
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;

namespace Broadcart.Grains.Auctions;

/// <summary>
/// One auction of one unit, keyed <see cref="AuctionKeys.Key"/>(room, auction). It holds that unit
/// (taken from inventory when it opens) for the winner's order, which pays or expires against it.
/// </summary>
[Alias("Broadcart.IAuctionGrain")]
public interface IAuctionGrain : IUnitHolder
{
    /// <summary>Idempotent: a second call returns the auction as it is.</summary>
    [Alias("Open")]
    Task<AuctionView> Open(OpenAuction command);

    [Alias("Get")]
    Task<AuctionView> Get();

    /// <summary>Answers once the bid is durable; refusals <c>bid_too_low</c>, <c>auction_ended</c>, <c>not_available_in_region</c>.</summary>
    [Alias("Bid")]
    Task<BidResult> Bid(Actor bidder, long amountMinor);

    /// <summary>The storage writes this activation made (bids share them).</summary>
    [Alias("GetDiagnostics"), Orleans.Concurrency.ReadOnly]
    Task<StateDiagnostics> GetDiagnostics();
}

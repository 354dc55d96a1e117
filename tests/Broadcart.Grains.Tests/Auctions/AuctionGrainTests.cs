using Broadcart.Grains.Auctions;
using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;
using Shop = Broadcart.Grains.Tests.Commerce.Shop;

namespace Broadcart.Grains.Tests.Auctions;

[Collection(ClusterCollection.Name)]
public sealed class AuctionGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private static AuctionRequest Request(Shop shop, int seconds, int antiSnipe = 0, int extend = 5) =>
        new(shop.ProductId, new Money("USD", 1_000), new Money("USD", 100), seconds, antiSnipe, extend);

    [Fact]
    public async Task A_thousand_concurrent_bidders_are_each_decided_once_and_the_highest_leads()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 5);
        var auction = await shop.Room.OpenAuction(shop.Streamer, Request(shop, seconds: 600));
        var grain = Grains.GetGrain<IAuctionGrain>(auction.Key);

        // 1,000 distinct amounts from 1,000 bidders, all at once, in a shuffled order.
        var amounts = Enumerable.Range(0, 1_000).Select(i => 1_000L + i * 100).OrderBy(_ => Random.Shared.Next()).ToArray();
        var outcomes = await Task.WhenAll(amounts.Select(async (amount, i) =>
        {
            try
            {
                return (Amount: amount, Result: (BidResult?)await grain.Bid(Shop.Buyer($"bidder-{i}"), amount), Code: (string?)null);
            }
            catch (BroadcartException e)
            {
                return (Amount: amount, Result: null, Code: e.Code);
            }
        }));

        var accepted = outcomes.Where(o => o.Result is not null).ToList();
        Assert.All(outcomes.Where(o => o.Result is null), o => Assert.Equal(CommerceErrors.BidTooLow, o.Code));
        Assert.Equal(Enumerable.Range(1, accepted.Count), accepted.Select(o => o.Result!.Seq).Order());

        // Accepted bids rise with their place: each was at least the one before plus the increment.
        var bySeq = accepted.OrderBy(o => o.Result!.Seq).Select(o => o.Amount).ToList();
        Assert.All(bySeq.Zip(bySeq.Skip(1)), pair => Assert.True(pair.Second >= pair.First + 100));

        var view = await grain.Get();
        Assert.Equal(amounts.Max(), view.CurrentBidMinor);
        Assert.Equal(accepted.Count, view.Bids);
        Assert.Equal($"bidder-{Array.IndexOf(amounts, amounts.Max())}", view.LeaderId);
        Assert.True((await grain.GetDiagnostics()).StateWrites < accepted.Count + 2, "bids share writes");
    }

    [Fact]
    public async Task Of_two_equal_bids_the_first_leads_and_a_bid_below_the_increment_is_too_low()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 5);
        var auction = await shop.Room.OpenAuction(shop.Streamer, Request(shop, seconds: 600));
        var grain = Grains.GetGrain<IAuctionGrain>(auction.Key);

        var low = await Assert.ThrowsAsync<BroadcartException>(() => grain.Bid(Shop.Buyer("early"), 999));
        Assert.Equal(CommerceErrors.BidTooLow, low.Code);
        Assert.True((await grain.Bid(Shop.Buyer("first"), 1_500)).Leading);
        var tie = await Assert.ThrowsAsync<BroadcartException>(() => grain.Bid(Shop.Buyer("second"), 1_500));
        Assert.Equal(CommerceErrors.BidTooLow, tie.Code);
        var under = await Assert.ThrowsAsync<BroadcartException>(() => grain.Bid(Shop.Buyer("second"), 1_599));
        Assert.Equal(CommerceErrors.BidTooLow, under.Code);
        Assert.Equal("first", (await grain.Get()).LeaderId);

        var far = await Assert.ThrowsAsync<BroadcartException>(() => grain.Bid(Shop.Buyer("far", "CN"), 5_000));
        Assert.Equal(CommerceErrors.NotAvailableInRegion, far.Code);
    }

    [Fact]
    public async Task A_snipe_extends_the_end_and_the_auction_closes_on_time_with_the_winners_order()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 5);
        var before = (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available;

        // Every bid of a 5-second auction is within its 10-second anti-snipe window: each moves the end to 8 s after it.
        var auction = await shop.Room.OpenAuction(shop.Streamer, Request(shop, seconds: 5, antiSnipe: 10, extend: 8));
        Assert.Equal(before - 1, (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available);
        var grain = Grains.GetGrain<IAuctionGrain>(auction.Key);
        var bid = await grain.Bid(Shop.Buyer("sniper", "DE"), 2_000);
        var afterBid = await grain.Get();
        Assert.Equal(1, afterBid.Extensions);
        Assert.Equal(bid.EndsAt, afterBid.EndsAt);

        // It closes from its timer (no call needed), and the winner holds a reserved order at the winning price.
        var closed = await Eventually.Until(grain.Get, v => v.Phase != AuctionPhase.Open, "the close", TimeSpan.FromSeconds(30));
        Assert.Equal(AuctionPhase.Won, closed.Phase);
        Assert.True(DateTimeOffset.UtcNow >= closed.EndsAt);
        var won = await Eventually.Until(grain.Get, v => v.OrderId is not null, "the winner's order");
        var order = await Grains.GetGrain<IOrderGrain>(won.OrderId!).Get();
        Assert.Equal((OrderStatus.Reserved, "sniper", new Money("USD", 2_000)), (order.Status, order.BuyerId, order.Total));
        var late = await Assert.ThrowsAsync<BroadcartException>(() => grain.Bid(Shop.Buyer("late"), 9_000));
        Assert.Equal(CommerceErrors.AuctionEnded, late.Code);
    }

    [Fact]
    public async Task An_auction_without_bids_closes_unsold_after_a_deactivation_and_gives_its_unit_back()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 5);
        var before = (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available;
        var auction = await shop.Room.OpenAuction(shop.Streamer, Request(shop, seconds: 5));
        var grain = Grains.GetGrain<IAuctionGrain>(auction.Key);

        // Its activation goes away: the reminder brings it back to close.
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var closed = await Eventually.Until(grain.Get, v => v.Phase != AuctionPhase.Open, "the close after reactivation", TimeSpan.FromSeconds(90));
        Assert.Equal(AuctionPhase.Unsold, closed.Phase);
        await Eventually.Until(
            async () => (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available,
            n => n == before, "the unit back in stock");
    }
}

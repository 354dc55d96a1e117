using System.Net;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Client;
using Broadcart.Client.Rest;
using Broadcart.Client.Wire;

namespace Broadcart.Api.Tests.Client;

/// <summary>The .NET client's REST half against a real node: a show from product to replay, through the SDK alone.</summary>
public sealed class ApiClientTests
{
    [Fact]
    public async Task A_merchant_a_streamer_and_a_viewer_run_a_show_from_product_to_replay_and_refusals_carry_their_code()
    {
        await using var node = await EmbeddedNode.StartAsync();
        using var http = new HttpClient();
        BroadcartApiClient As(string token) => new(http, new ApiClientOptions { BaseAddress = node.BaseUrl, AccessToken = () => Task.FromResult<string?>(token) });
        var merchant = As(node.MintToken("sdk-merchant", "merchant"));
        var streamer = As(node.MintToken("sdk-streamer", "streamer", name: "Terry"));
        var viewer = As(node.MintToken("sdk-rest-viewer", name: "Vera"));

        var product = await merchant.CreateProductAsync(new NewProduct("SDK kettle", 5, [new("US", "USD", 4200)], ["US"], Description: "Boils"));
        Assert.Equal((5, "Boils", true), (product.Stock, product.Description, product.RestockOnRefund));
        var read = await merchant.GetProductAsync(product.Id);
        Assert.Equal((product.Id, "SDK kettle", new RegionPrice("US", "USD", 4200), "US"), (read.Id, read.Title, Assert.Single(read.Prices), Assert.Single(read.ShipsTo)));

        var room = await streamer.CreateRoomAsync(new NewRoom("SDK show"));
        Assert.Equal(("scheduled", "Terry", "en"), (room.Status, room.StreamerName, room.Language));
        await streamer.StartRoomAsync(room.RoomId);
        var shown = await streamer.AddToShowcaseAsync(room.RoomId, product.Id);
        Assert.Equal([product.Id], shown.Showcase.Select(p => p.Id));
        var pinned = await streamer.PinAsync(room.RoomId, product.Id);
        Assert.Equal(new Money("USD", 4200), pinned.Pinned?.Price);
        Assert.Equal("live", (await viewer.GetRoomAsync(room.RoomId)).Status);

        var order = await viewer.PlaceOrderAsync(room.RoomId, new NewOrder(product.Id, 2, "sdk-order-1"));
        Assert.Equal(("reserved", 8400L, "live"), (order.Status, order.Total.AmountMinor, order.Source));
        Assert.Equal(order.OrderId, (await viewer.PlaceOrderAsync(room.RoomId, new NewOrder(product.Id, 2, "sdk-order-1"))).OrderId);
        Assert.Equal(order.OrderId, (await viewer.GetOrderAsync(order.OrderId)).OrderId);

        // Refusals: the problem's code and status, and nothing changed.
        var invalid = await Assert.ThrowsAsync<BroadcartApiException>(() => viewer.PlaceOrderAsync(room.RoomId, new NewOrder(product.Id, 0, "sdk-order-2")));
        Assert.Equal(("validation_failed", HttpStatusCode.BadRequest), (invalid.Code, invalid.Status));
        var soldOut = await Assert.ThrowsAsync<BroadcartApiException>(() => viewer.PlaceOrderAsync(room.RoomId, new NewOrder(product.Id, 4, "sdk-order-3")));
        Assert.Equal(("sold_out", HttpStatusCode.Conflict), (soldOut.Code, soldOut.Status));
        var forbidden = await Assert.ThrowsAsync<BroadcartApiException>(() => viewer.CreateProductAsync(new NewProduct("Not mine", 1, [new("US", "USD", 100)], ["US"])));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        var anonymous = await Assert.ThrowsAsync<BroadcartApiException>(() => As("").GetRoomAsync(room.RoomId));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.False(anonymous.IsTransient);

        var deal = await merchant.CreateDealAsync(new NewDeal(product.Id, 1000, MinFollowers: 0));
        Assert.Equal((product.Id, 1000, "sdk-merchant"), (deal.ProductId, deal.CommissionBps, deal.MerchantId));
        Assert.Contains(await merchant.ListDealsAsync(), d => d.DealId == deal.DealId);
        var unverified = await Assert.ThrowsAsync<BroadcartApiException>(() => streamer.AcceptDealAsync(deal.DealId));
        Assert.Equal(("not_verified", HttpStatusCode.Forbidden), (unverified.Code, unverified.Status));

        Assert.Equal(["sdk-mod"], (await streamer.AppointModeratorAsync(room.RoomId, "sdk-mod")).Moderators);
        Assert.Empty((await streamer.DismissModeratorAsync(room.RoomId, "sdk-mod")).Moderators);

        var opened = await streamer.OpenAuctionAsync(room.RoomId, new NewAuction(product.Id, new Money("USD", 1000), new Money("USD", 100), 600));
        Assert.Equal(("open", new Money("USD", 1000)), (opened.Auction.State, opened.Auction.MinimumBid));
        Assert.Equal(opened.AuctionId, (await viewer.GetAuctionAsync(room.RoomId, opened.AuctionId)).AuctionId);

        // The streamer became a creator with the first room; a follow counts once.
        Assert.Equal(1, (await viewer.FollowAsync("sdk-streamer")).Followers);
        Assert.Equal(("Terry", 1L), ((await viewer.FollowAsync("sdk-streamer")).Name, (await viewer.GetCreatorAsync("sdk-streamer")).Followers));
        Assert.Equal(0, (await viewer.UnfollowAsync("sdk-streamer")).Followers);

        var feed = await viewer.GetFeedAsync("US", 50);
        Assert.Contains(feed.Rooms, r => r.RoomId == room.RoomId);

        var notEnded = await Assert.ThrowsAsync<BroadcartApiException>(() => viewer.GetReplayPageAsync(room.RoomId));
        Assert.Equal("room_not_ended", notEnded.Code);
        Assert.Equal("ended", (await streamer.EndRoomAsync(room.RoomId)).Status);

        // Read whole, page by page (two events a page), it is the same as in one page.
        var onePage = await viewer.GetReplayPageAsync(room.RoomId, limit: 500);
        Assert.Null(onePage.Next);
        var paged = new List<ReplayEvent>();
        string? after = null;
        do
        {
            var page = await viewer.GetReplayPageAsync(room.RoomId, after, 2);
            paged.AddRange(page.Events);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(onePage.Events.Select(e => (e.OffsetMs, e.Type)), paged.Select(e => (e.OffsetMs, e.Type)));
        Assert.Contains(onePage.Events, e => e.Type == "productPinned" && e.Payload.GetProperty("productId").GetString() == product.Id);
        var streamed = new List<ReplayEvent>();
        await foreach (var e in viewer.ReadReplayAsync(room.RoomId))
        {
            streamed.Add(e);
        }

        Assert.Equal(onePage.Events.Count, streamed.Count);
        Assert.StartsWith("seq,sentAt,messageId,userId,name,text,deleted", await streamer.ExportChatAsync(room.RoomId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merchant_sets_pauses_and_resumes_a_rooms_reach_and_a_bad_budget_is_refused()
    {
        await using var node = await EmbeddedNode.StartAsync();
        using var http = new HttpClient();
        BroadcartApiClient As(string token) => new(http, new ApiClientOptions { BaseAddress = node.BaseUrl, AccessToken = () => Task.FromResult<string?>(token) });
        var merchant = As(node.MintToken("sdk-reach-merchant", "merchant"));
        var streamer = As(node.MintToken("sdk-reach-streamer", "streamer"));
        var room = await streamer.CreateRoomAsync(new NewRoom("SDK reach", HomeRegion: "US", MerchantId: "sdk-reach-merchant"));
        await streamer.StartRoomAsync(room.RoomId);

        var setting = new ReachSetting(["DE", "FR"], ["JP"], new Money("EUR", 100_00), new Money("EUR", 5_00));
        var reach = await merchant.SetReachAsync(room.RoomId, setting);
        Assert.Equal(["DE", "FR"], reach.Regions);
        Assert.Equal(("active", "manual", new Money("EUR", 0)), (reach.State, reach.Mode, reach.Spend));
        Assert.Equal("paused", (await merchant.PauseReachAsync(room.RoomId)).State);
        Assert.Equal("active", (await merchant.ResumeReachAsync(room.RoomId)).State);
        Assert.Equal(["JP"], (await streamer.GetReachAsync(room.RoomId)).ExcludedRegions);

        var refused = await Assert.ThrowsAsync<BroadcartApiException>(() => merchant.SetReachAsync(room.RoomId, setting with { Budget = new Money("EUR", 0) }));
        Assert.Equal(("validation_failed", HttpStatusCode.BadRequest), (refused.Code, refused.Status));
        Assert.Equal(new Money("EUR", 100_00), (await merchant.GetReachAsync(room.RoomId)).Budget);
        Assert.StartsWith("scope,key,currency,", await merchant.GetReportCsvAsync(room.RoomId, "EUR"), StringComparison.Ordinal);
    }
}

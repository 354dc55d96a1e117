using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Api.Tests.Auctions;

/// <summary>An auction through the public surface: REST to open it, real SignalR bidders, snipes at the end, the winner's order paid by the webhook.</summary>
public sealed class AuctionHubTests
{
    [Fact]
    public async Task Bidders_outbid_each_other_a_snipe_extends_the_end_and_the_winner_pays_the_winning_price()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var shop = await node.ShopAsync(stock: 5);
        var ana = await node.ConnectAsync(node.MintToken("bidder-ana", name: "Ana"));
        var ben = await node.ConnectAsync(node.MintToken("bidder-ben", name: "Ben"));
        await ana.JoinAsync(shop.RoomId);
        await ben.JoinAsync(shop.RoomId);

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/auctions", shop.StreamerToken, new
        {
            productId = shop.ProductId, startPrice = new { currency = "USD", amountMinor = 1000 }, increment = new { currency = "USD", amountMinor = 100 }, durationSeconds = 1,
        }), 400, "validation_failed");

        // Five seconds, and every bid in its last ten moves the end to six seconds after it.
        var opened = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/auctions", shop.StreamerToken, new
        {
            productId = shop.ProductId, startPrice = new { currency = "USD", amountMinor = 1000 }, increment = new { currency = "USD", amountMinor = 100 },
            durationSeconds = 5, antiSnipeSeconds = 10, extendSeconds = 6,
        }));
        var auctionId = opened.GetProperty("auctionId").GetString()!;
        var firstEnd = opened.GetProperty("endsAt").GetDateTimeOffset();
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/auctions", shop.StreamerToken, new
        {
            productId = shop.ProductId, startPrice = new { currency = "USD", amountMinor = 1000 }, increment = new { currency = "USD", amountMinor = 100 }, durationSeconds = 30,
        }), 409, "auction_in_progress");
        await ben.WaitUntil(v => Auctions(v).Any(a => a.GetProperty("auctionId").GetString() == auctionId && a.GetProperty("state").GetString() == "open"), "the open auction");

        var first = await Bid(ana, shop.RoomId, auctionId, 1000);
        Assert.True(first.GetProperty("leading").GetBoolean());

        // The seller may not bid up the lot: refused, and the lead stays where it was.
        var streamer = await node.ConnectAsync(shop.StreamerToken);
        await streamer.JoinAsync(shop.RoomId);
        Assert.Equal("forbidden", (await BidRefused(streamer, shop.RoomId, auctionId, 5000)).Split(':')[0]);
        await streamer.DisposeAsync();
        Assert.Equal("bid_too_low", (await BidRefused(ben, shop.RoomId, auctionId, 1050)).Split(':')[0]);
        await Bid(ben, shop.RoomId, auctionId, 1100);
        Assert.Equal("bid_too_low", (await BidRefused(ana, shop.RoomId, auctionId, 1100)).Split(':')[0]);
        var snipe = await Bid(ana, shop.RoomId, auctionId, 1500);
        Assert.True(snipe.GetProperty("endsAt").GetDateTimeOffset() > firstEnd, "the snipe moved the end");

        // The close reaches every bidder at once, with the leader masked.
        foreach (var viewer in new[] { ana, ben })
        {
            await viewer.WaitUntil(v => Auctions(v).Any(a => a.GetProperty("state").GetString() == "won"), "the won auction", TimeSpan.FromSeconds(40));
        }

        var won = Auctions(ben).Last();
        Assert.Equal(("A***a", 1500L, 3), (won.GetProperty("leader").GetString(), won.GetProperty("currentBid").GetProperty("amountMinor").GetInt64(), won.GetProperty("bids").GetInt32()));
        Assert.Equal("auction_ended", (await BidRefused(ben, shop.RoomId, auctionId, 9000)).Split(':')[0]);

        // Only the winner sees the order; it is reserved at the winning price and pays like any other.
        var forBen = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{shop.RoomId}/auctions/{auctionId}", node.MintToken("bidder-ben")));
        Assert.Equal(JsonValueKind.Null, forBen.GetProperty("orderId").ValueKind);
        var forAna = await Eventually.Until(
            () => HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{shop.RoomId}/auctions/{auctionId}", node.MintToken("bidder-ana"))),
            a => a.GetProperty("orderId").ValueKind == JsonValueKind.String, "the winner's order");
        var orderId = forAna.GetProperty("orderId").GetString()!;
        var order = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", node.MintToken("bidder-ana")));
        Assert.Equal(("reserved", 1500L), (order.GetProperty("status").GetString(), order.GetProperty("total").GetProperty("amountMinor").GetInt64()));
        Assert.Equal("paid", (await HttpAssert.Ok(node.NotifyAsync(orderId, "pay-" + orderId, "succeeded"))).GetProperty("status").GetString());

        await ana.DisposeAsync();
        await ben.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_in_a_region_the_merchant_excluded_cannot_bid_and_the_auction_is_unchanged()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var merchantId = "auction-merchant-" + Guid.NewGuid().ToString("N")[..8];
        var merchantToken = node.MintToken(merchantId, "merchant");
        var productId = await node.ProductAsync(merchantToken, stock: 2);
        var room = await node.LiveRoomAsync("Reach-limited auction", "US", merchantId);
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Put, $"/api/rooms/{room.RoomId}/reach", merchantToken, new
        {
            regions = new[] { "US" }, excludedRegions = new[] { "DE" },
            budget = new { currency = "USD", amountMinor = 100_000 }, bidCpm = new { currency = "USD", amountMinor = 200 },
        }));
        var opened = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/auctions", room.StreamerToken, new
        {
            productId, startPrice = new { currency = "USD", amountMinor = 1000 }, increment = new { currency = "USD", amountMinor = 100 }, durationSeconds = 600,
        }));
        var auctionId = opened.GetProperty("auctionId").GetString()!;

        // The product ships to DE; the stream does not sell there.
        var german = await node.ConnectAsync(node.MintToken("bidder-de", region: "DE"));
        await german.JoinAsync(room.RoomId);
        Assert.Equal("not_available_in_region", (await BidRefused(german, room.RoomId, auctionId, 5000)).Split(':')[0]);
        await german.DisposeAsync();

        var after = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/auctions/{auctionId}", room.StreamerToken));
        Assert.Equal((0, JsonValueKind.Null), (after.GetProperty("bids").GetInt32(), after.GetProperty("currentBid").ValueKind));
    }

    private static List<JsonElement> Auctions(Viewer viewer) => [.. viewer.EventsNamed("auction")];

    private static Task<JsonElement> Bid(Viewer viewer, string roomId, string auctionId, long amountMinor) =>
        viewer.Connection.InvokeAsync<JsonElement>("Bid", roomId, auctionId, amountMinor);

    private static async Task<string> BidRefused(Viewer viewer, string roomId, string auctionId, long amountMinor)
    {
        var error = await Assert.ThrowsAsync<HubException>(() => Bid(viewer, roomId, auctionId, amountMinor));
        return error.Message[(error.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
    }
}

using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class AuctionBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task A_streamer_opens_an_auction_in_the_console_and_a_viewer_bids_and_wins_it()
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var merchant = await node.TokenAsync("auction-merchant", "merchant");
        var product = await node.ProductAsync(merchant, stock: 3, title: "Vintage watch");
        var streamerToken = await node.TokenAsync("auction-streamer", "streamer", "US");
        var room = await node.LiveRoomAsync("Auction night", streamerToken: streamerToken);
        await node.PlaceAsync(room, product, ProductPlacement.Pinned);

        var viewer = await browser.OpenAsync(node, $"/viewer.html?room={room.RoomId}");
        await Infrastructure.Browser.SignInAsync(viewer, "auction-viewer", "Nadia", "US");
        await viewer.ClickAsync("#join-room");
        await Expect(viewer.Locator("#room-status")).ToHaveTextAsync("live", Patiently);

        var streamer = await browser.OpenAsync(node, "/streamer.html");
        await Infrastructure.Browser.SignInAsync(streamer, "auction-streamer", "Sol", "US");
        await streamer.FillAsync("#open-room-id", room.RoomId);
        await streamer.ClickAsync("#open-room");
        await Expect(streamer.Locator("#sale-product option")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await streamer.FillAsync("#auction-start", "10.00");
        await streamer.FillAsync("#auction-increment", "1.00");
        await streamer.FillAsync("#auction-duration", "6");
        await streamer.ClickAsync("#start-auction");
        await Expect(streamer.Locator("#auction-state")).ToHaveTextAsync("Open", Patiently);

        // The viewer sees it with its countdown, bids the minimum, and leads.
        await Expect(viewer.Locator("#auction-card")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 20_000 });
        await Expect(viewer.Locator("#auction-product")).ToHaveTextAsync("Vintage watch");
        await Expect(viewer.Locator("#bid-amount")).ToHaveValueAsync("10.00");
        await viewer.ClickAsync("#bid-button");
        await Expect(viewer.Locator("#bid-result")).ToHaveAttributeAsync("data-state", "leading", new() { Timeout = 20_000 });
        await Expect(viewer.Locator("#auction-leader")).ToHaveTextAsync("N***a", Patiently);
        await Expect(streamer.Locator("#auction-leader")).ToHaveTextAsync("N***a", Patiently);

        // The same amount again is under the lowest bid that leads now: refused by its code.
        await viewer.ClickAsync("#bid-button");
        await Expect(viewer.Locator("#bid-result")).ToHaveAttributeAsync("data-code", "bid_too_low", new() { Timeout = 20_000 });
        await Expect(viewer.Locator("#bid-result")).ToContainTextAsync("Too low");

        // Someone on another client bids the same: too low, the first bid still leads.
        await using (var rival = await node.ConnectAsync(node.MintToken("auction-rival", name: "Rex")))
        {
            await rival.JoinAsync(room.RoomId);
            var auctionId = (await viewer.Locator("#auction-card").GetAttributeAsync("data-auction-id"))!;
            var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => rival.Connection.InvokeAsync<System.Text.Json.JsonElement>("Bid", room.RoomId, auctionId, 1000L));
            Assert.Contains("bid_too_low", refused.Message, StringComparison.Ordinal);
        }

        // It closes on time; the viewer won and holds a reserved order at the winning price.
        await Expect(viewer.Locator("#auction-card")).ToHaveAttributeAsync("data-state", "won", new() { Timeout = 40_000 });
        await Expect(viewer.Locator("#bid-result")).ToHaveAttributeAsync("data-state", "won", new() { Timeout = 20_000 });
        var orderId = (await viewer.Locator("#bid-result").GetAttributeAsync("data-order-id"))!;
        var order = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", node.MintToken("auction-viewer")));
        Assert.Equal(("reserved", 1000L), (order.GetProperty("status").GetString(), order.GetProperty("total").GetProperty("amountMinor").GetInt64()));
        await Expect(streamer.Locator("#auction-state")).ToHaveTextAsync("Sold", Patiently);
        await Infrastructure.Browser.ScreenshotAsync(viewer, "viewer-auction");
        Assert.Empty(browser.ScriptErrors);
    }
}

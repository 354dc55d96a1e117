using Broadcart.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class ReplayBrowserTests
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_viewer_plays_an_ended_show_seeks_in_it_and_buys_from_its_showcase()
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var merchant = await node.TokenAsync("replay-browser-merchant", "merchant");
        var scarf = await node.ProductAsync(merchant, stock: 20, title: "Silk scarf");
        var room = await node.LiveRoomAsync("Scarf show");
        await node.PlaceAsync(room, scarf, ProductPlacement.Pinned);
        await using (var chatter = await node.ConnectAsync(await node.TokenAsync("replay-chatter", name: "Kim")))
        {
            await chatter.JoinAsync(room.RoomId);
            for (var i = 1; i <= 4; i++)
            {
                await chatter.SendChatAsync(room.RoomId, $"I love it {i}");
            }
        }

        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/end", room.StreamerToken));

        var page = await browser.OpenAsync(node, $"/viewer.html?room={room.RoomId}");
        await Infrastructure.Browser.SignInAsync(page, "replay-browser-viewer", "Noor", "US");
        await page.ClickAsync("#join-room");
        await Expect(page.Locator("#room-status")).ToHaveTextAsync("ended", new() { Timeout = 15_000 });
        await Expect(page.Locator("#replay-section")).ToBeVisibleAsync(Patiently);
        await page.ClickAsync("#replay-start");
        await Expect(page.Locator("#replay-player")).ToBeVisibleAsync(Patiently);

        // It plays on the show's own timeline, to the end.
        await Expect(page.Locator("#replay-chat li")).ToHaveCountAsync(4, new() { Timeout = 15_000 });
        await Expect(page.Locator("#replay-pinned")).ToHaveTextAsync("On screen: Silk scarf");
        await Expect(page.Locator("#replay-play")).ToHaveTextAsync("Play", new() { Timeout = 15_000 });

        // Seek back to the start: the chat is not there yet; forward to the end: all of it again.
        await SeekAsync(page, 0);
        await Expect(page.Locator("#replay-section")).ToHaveAttributeAsync("data-position", "0");
        Assert.True(await page.Locator("#replay-chat li").CountAsync() < 4);
        await SeekAsync(page, int.Parse((await page.Locator("#replay-seek").GetAttributeAsync("max"))!, System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#replay-chat li")).ToHaveCountAsync(4);
        await Expect(page.Locator("#replay-chat li").Last).ToContainTextAsync("I love it 4");

        // Buy the scarf from the replay, at its regular price.
        await page.Locator($"#replay-shop li[data-product-id='{scarf}'] button").ClickAsync();
        var result = page.Locator("#replay-order-result");
        await Expect(result).ToHaveAttributeAsync("data-source", "replay", new() { Timeout = 15_000 });
        var orderId = (await result.GetAttributeAsync("data-order-id"))!;
        var order = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", node.MintToken("replay-browser-viewer")));
        Assert.Equal("replay", order.GetProperty("source").GetString());
        Assert.Equal(2500, order.GetProperty("unitPrice").GetProperty("amountMinor").GetInt64());
        await Infrastructure.Browser.ScreenshotAsync(page, "viewer-replay");
        Assert.Empty(browser.ScriptErrors);
    }

    // A range input cannot be typed into: set it and fire the input event, as dragging does.
    private static Task SeekAsync(IPage page, int ms) =>
        page.EvalOnSelectorAsync("#replay-seek", "(e, v) => { e.value = String(v); e.dispatchEvent(new Event('input', { bubbles: true })); }", ms);
}

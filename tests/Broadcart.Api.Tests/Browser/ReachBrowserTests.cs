using Broadcart.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class ReachBrowserTests
{
    [Fact]
    public async Task A_merchant_sets_reach_in_the_console_and_a_viewer_in_that_region_finds_the_room_in_the_feed()
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var browser = await Infrastructure.Browser.LaunchAsync();

        // A streamer in the US goes live with merchant "merchant-browser" as the room's merchant.
        var streamer = await node.TokenAsync("streamer-reach", "streamer", "US");
        var (roomId, _) = await node.LiveRoomAsync("Tokyo preview", merchantId: "merchant-browser", streamerToken: streamer);

        var viewer = await browser.NewPageAsync();
        await viewer.GotoAsync(new Uri(node.BaseUrl, "/viewer.html").ToString());
        await Infrastructure.Browser.SignInAsync(viewer, "viewer-tokyo", "Yui", "JP");
        await Expect(viewer.Locator("#feed-panel")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var listing = viewer.Locator($"#feed-panel li[data-room-id='{roomId}']");
        Assert.Equal(0, await listing.CountAsync());

        var merchant = await browser.NewPageAsync();
        await merchant.GotoAsync(new Uri(node.BaseUrl, "/merchant.html").ToString());
        await Infrastructure.Browser.SignInAsync(merchant, "merchant-browser", "Mika", "US");
        await merchant.FillAsync("#reach-room-id", roomId);
        await merchant.ClickAsync("#reach-load");

        // Loading resets the form from the server's answer: choose regions only after it arrived.
        await Expect(merchant.Locator("#reach-status")).ToHaveAttributeAsync("data-state", "organic", new() { Timeout = 15_000 });
        await merchant.FillAsync("#region-filter", "JP");
        await merchant.CheckAsync("input.reach-paid[value='JP']");
        await merchant.FillAsync("#reach-budget-amount", "10.00");
        await merchant.FillAsync("#reach-currency", "USD");
        await merchant.FillAsync("#reach-bid-amount", "2.00");
        await merchant.ClickAsync("#reach-save");
        await Expect(merchant.Locator("#reach-status")).ToHaveAttributeAsync("data-state", "active", new() { Timeout = 15_000 });

        // The feed is cached for about a second per silo: refresh until the room shows up.
        for (var attempt = 0; attempt < 30 && await listing.CountAsync() == 0; attempt++)
        {
            await viewer.RunAndWaitForResponseAsync(
                () => viewer.ClickAsync("#feed-refresh"),
                r => r.Url.Contains("/api/feed", StringComparison.Ordinal),
                new() { Timeout = 10_000 });
        }

        await Expect(listing).ToHaveCountAsync(1);
        await Expect(listing).ToContainTextAsync("Tokyo preview");
        await Infrastructure.Browser.ScreenshotAsync(merchant, "merchant-reach");
        await Infrastructure.Browser.ScreenshotAsync(viewer, "viewer-feed");
    }

    [Fact]
    public async Task A_merchant_paces_reach_automatically_over_the_planned_minutes_and_sees_the_live_allocation()
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var streamer = await node.TokenAsync("streamer-auto", "streamer", "US");
        var (roomId, _) = await node.LiveRoomAsync("Auto paced", merchantId: "merchant-auto", streamerToken: streamer);

        var merchant = await browser.OpenAsync(node, "/merchant.html");
        await Infrastructure.Browser.SignInAsync(merchant, "merchant-auto", "Ada", "US");
        await merchant.FillAsync("#reach-room-id", roomId);
        await merchant.ClickAsync("#reach-load");
        await Expect(merchant.Locator("#reach-status")).ToHaveAttributeAsync("data-state", "organic", new() { Timeout = 15_000 });
        foreach (var region in new[] { "JP", "KR" })
        {
            await merchant.FillAsync("#region-filter", region);
            await merchant.CheckAsync($"input.reach-paid[value='{region}']");
        }

        await merchant.FillAsync("#reach-budget-amount", "30.00");
        await merchant.FillAsync("#reach-currency", "USD");
        await merchant.FillAsync("#reach-bid-amount", "3.00");
        await Expect(merchant.Locator("#reach-planned-field")).ToBeHiddenAsync();
        await merchant.SelectOptionAsync("#reach-mode", "auto");
        await Expect(merchant.Locator("#reach-planned-field")).ToBeVisibleAsync();

        // Out of range is refused on the page, and nothing is saved.
        await merchant.FillAsync("#reach-planned-minutes", "0");
        await merchant.ClickAsync("#reach-save");
        await Expect(merchant.Locator("#reach-planned-minutes")).ToHaveAttributeAsync("aria-invalid", "true");
        var (none, _) = await node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}/reach", streamer);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, none.StatusCode);

        await merchant.FillAsync("#reach-planned-minutes", "90");
        await merchant.ClickAsync("#reach-save");
        await Expect(merchant.Locator("#reach-status")).ToHaveAttributeAsync("data-state", "active", new() { Timeout = 15_000 });
        await Expect(merchant.Locator("#reach-status")).ToContainTextAsync("auto-paced over 90 min");

        // The live allocation: both regions, an even share each until they have spent enough to measure.
        var rows = merchant.Locator("#reach-allocation-rows tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(merchant.Locator("#reach-allocation-rows tr[data-region='JP'] td").Nth(1)).ToHaveTextAsync("50.0%");
        await Expect(merchant.Locator("#reach-allocation-rows tr[data-region='KR'] td").Nth(2)).ToHaveTextAsync("measuring");
        var saved = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}/reach", streamer));
        Assert.Equal("auto", saved.GetProperty("mode").GetString());
        Assert.Equal(90, saved.GetProperty("plannedMinutes").GetInt32());

        // A reload shows the saved mode and minutes.
        await merchant.ReloadAsync();
        await merchant.FillAsync("#reach-room-id", roomId);
        await merchant.ClickAsync("#reach-load");
        await Expect(merchant.Locator("#reach-mode")).ToHaveValueAsync("auto", new() { Timeout = 15_000 });
        await Expect(merchant.Locator("#reach-planned-minutes")).ToHaveValueAsync("90");
        await Expect(rows).ToHaveCountAsync(2);
        await Infrastructure.Browser.ScreenshotAsync(merchant, "merchant-reach-auto");
        Assert.Empty(browser.ScriptErrors);
    }
}

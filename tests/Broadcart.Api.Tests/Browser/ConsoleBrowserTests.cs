using Broadcart.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class ConsoleBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_streamer_goes_live_in_the_console_and_a_viewer_page_chats_with_it()
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var browser = await Infrastructure.Browser.LaunchAsync();

        var streamer = await browser.NewPageAsync();
        await streamer.GotoAsync(new Uri(node.BaseUrl, "/streamer.html").ToString());
        await Infrastructure.Browser.SignInAsync(streamer, "streamer-browser", "Terry", "US");
        await streamer.FillAsync("#room-title", "Browser room");
        await streamer.ClickAsync("#create-room");
        await Expect(streamer.Locator("#room-id")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^r[0-9a-z]{12}$"), new() { Timeout = 15_000 });
        var roomId = (await streamer.Locator("#room-id").TextContentAsync())!.Trim();
        await streamer.ClickAsync("#go-live");
        await Expect(streamer.Locator("#room-status")).ToHaveTextAsync("live", Patiently);

        var viewer = await browser.NewPageAsync();
        await viewer.GotoAsync(new Uri(node.BaseUrl, $"/viewer.html?room={roomId}").ToString());
        await Infrastructure.Browser.SignInAsync(viewer, "viewer-browser", "Vera", "DE");
        await viewer.ClickAsync("#join-room");
        await Expect(viewer.Locator("#room-status")).ToHaveTextAsync("live", Patiently);
        await Expect(viewer.Locator("#room-title-view")).ToHaveTextAsync("Browser room", Patiently);

        await viewer.FillAsync("#chat-input", "Hello from the viewer page");
        await viewer.PressAsync("#chat-input", "Enter");
        await Expect(streamer.Locator("#chat-list li .chat-text", new() { HasText = "Hello from the viewer page" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        await streamer.FillAsync("#chat-input", "Welcome, Vera!");
        await streamer.ClickAsync("#chat-send");
        await Expect(viewer.Locator("#chat-list li .chat-text", new() { HasText = "Welcome, Vera!" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        // Both pages have joined the room; the count comes back through the room within about a second.
        await Expect(streamer.Locator("#viewer-count")).ToHaveTextAsync("2", Patiently);
        await Expect(viewer.Locator("#viewer-count")).ToHaveTextAsync("2", Patiently);

        await viewer.ClickAsync("#like-button");
        await Expect(streamer.Locator("#like-total")).ToHaveTextAsync("1", Patiently);

        // The streamer makes the viewer a moderator of this room from their chat line.
        var viewerLine = streamer.Locator("#chat-list li", new() { HasText = "Hello from the viewer page" });
        await viewerLine.Locator("button.moderator").ClickAsync();
        await Expect(viewerLine.Locator("button.moderator")).ToHaveTextAsync("Remove moderator", Patiently);
        var seen = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}", await node.TokenAsync("someone")));
        Assert.Equal(["viewer-browser"], seen.GetProperty("moderators").EnumerateArray().Select(m => m.GetString()));
        await Expect(streamer.Locator("#chat-list li", new() { HasText = "Welcome, Vera!" }).Locator("button.moderator")).ToHaveCountAsync(0);

        await Infrastructure.Browser.ScreenshotAsync(streamer, "streamer-console");
        await Infrastructure.Browser.ScreenshotAsync(viewer, "viewer-page");
    }
}

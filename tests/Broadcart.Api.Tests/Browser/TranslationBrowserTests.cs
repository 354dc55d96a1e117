using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Rooms;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class TranslationBrowserTests
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_viewer_reads_chat_translated_into_their_language_under_the_original_and_toggles_it()
    {
        await using var node = await EmbeddedNode.StartAsync(new Dictionary<string, string?>
        {
            ["Translation:Provider"] = "apertium",
            ["Translation:ApertiumUrl"] = TestEnvironment.Apertium.ToString(),
        });
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var (roomId, _) = await node.LiveRoomAsync("Scarves from Valencia");

        var page = await browser.OpenAsync(node, $"/viewer.html?room={roomId}");
        await Infrastructure.Browser.SignInAsync(page, "viewer-lucia", "Lucía", "ES");
        await page.ClickAsync("#join-room");
        await Expect(page.Locator("#room-status")).ToHaveTextAsync("live", new() { Timeout = 15_000 });
        await page.SelectOptionAsync("#chat-language", "es");

        // An English speaker on a .NET client.
        await using var writer = await node.ConnectAsync(await node.TokenAsync("writer-sam", name: "Sam"));
        await writer.Connection.InvokeAsync("SetLanguage", "en");
        await writer.JoinAsync(roomId);
        await Eventually.Until(
            () => node.Services.GetRequiredService<IGrainFactory>().GetGrain<ILiveRoomGrain>(roomId).GetDiagnostics(),
            d => !d.Languages.IsDefault && d.Languages.SequenceEqual(["en", "es"]),
            "the room to hear that this viewer reads Spanish");
        await writer.SendChatAsync(roomId, "Where is the blue scarf?");

        var line = page.Locator("#chat-list li", new() { HasText = "Where is the blue scarf?" });
        var translation = line.Locator(".chat-translation[lang='es']");
        await Expect(translation).ToBeVisibleAsync(Patiently);
        await Expect(translation).ToContainTextAsync("bufanda");
        await Infrastructure.Browser.ScreenshotAsync(page, "viewer-translation");

        await page.UncheckAsync("#chat-show-translations");
        await Expect(translation).ToBeHiddenAsync();
        await Expect(line.Locator(".chat-text")).ToHaveTextAsync("Where is the blue scarf?");

        // The choice is kept across a reload, and translations show again when toggled back on.
        await page.ReloadAsync();
        await Expect(page.Locator("#chat-show-translations")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#chat-language")).ToHaveValueAsync("es");
        await page.CheckAsync("#chat-show-translations");
        await Expect(page.Locator("#room-status")).ToHaveTextAsync("live", new() { Timeout = 15_000 });

        // The reloaded page is a new connection: the room learns its language again with the next
        // node report, which may come after a report without it. Messages sent before that are not
        // translated for it, so write until one is.
        for (var attempt = 1; ; attempt++)
        {
            var text = $"It is very nice, number {attempt}.";
            await writer.SendChatAsync(roomId, text);
            var translated = page.Locator("#chat-list li", new() { HasText = text }).Locator(".chat-translation[lang='es']");
            try
            {
                await Expect(translated).ToBeVisibleAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }

        Assert.Empty(browser.ScriptErrors);
    }
}

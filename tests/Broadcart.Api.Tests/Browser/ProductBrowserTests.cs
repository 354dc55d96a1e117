using System.Text.RegularExpressions;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class ProductBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_product_created_in_the_merchant_console_is_pinned_in_the_streamer_console_and_bought_on_the_viewer_page()
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var merchant = await browser.OpenAsync(node, "/merchant.html");
        await Infrastructure.Browser.SignInAsync(merchant, "merchant-products", "Mika", "US");
        await merchant.FillAsync("#product-title", "Canvas sneakers");
        await merchant.FillAsync(".price-amount", "19.99");
        await merchant.ClickAsync("#create-product");
        var created = merchant.Locator("#product-list li.product-item");
        await Expect(created.Locator(".product-title")).ToHaveTextAsync("Canvas sneakers", Patiently);
        await Expect(created.Locator(".product-stock")).ToHaveTextAsync("Stock 100");
        var productId = (await created.Locator("code.product-id").TextContentAsync())!.Trim();

        var streamer = await browser.OpenAsync(node, "/streamer.html");
        await Infrastructure.Browser.SignInAsync(streamer, "streamer-products", "Terry", "US");
        await streamer.FillAsync("#room-title", "Sneaker drop");
        await streamer.ClickAsync("#create-room");
        await Expect(streamer.Locator("#room-id")).ToHaveTextAsync(new Regex("^r[0-9a-z]{12}$"), Patiently);
        var roomId = (await streamer.Locator("#room-id").TextContentAsync())!.Trim();
        await streamer.ClickAsync("#go-live");
        await Expect(streamer.Locator("#room-status")).ToHaveTextAsync("live", Patiently);
        await streamer.FillAsync("#showcase-product-id", productId);
        await streamer.ClickAsync("#add-showcase");
        var showcased = streamer.Locator($"#showcase-list li.product-item[data-product-id='{productId}']");
        await Expect(showcased.Locator(".product-title")).ToHaveTextAsync("Canvas sneakers", Patiently);
        await Expect(showcased.Locator(".price-slot")).ToContainTextAsync("19.99", new() { Timeout = 15_000 });
        await showcased.Locator("button.pin").ClickAsync();
        await Expect(showcased.Locator("button.pin")).ToHaveTextAsync("Pinned", Patiently);

        var viewer = await browser.OpenAsync(node, $"/viewer.html?room={roomId}");
        await Infrastructure.Browser.SignInAsync(viewer, "viewer-products", "Vera", "US");
        await viewer.ClickAsync("#join-room");
        await Expect(viewer.Locator("#pinned-title")).ToHaveTextAsync("Canvas sneakers", Patiently);
        await viewer.ClickAsync("#buy-button");
        await Expect(viewer.Locator("#order-result")).ToContainTextAsync("Reserved", new() { Timeout = 15_000 });
        await Expect(streamer.Locator("#purchase-ticker li")).ToContainTextAsync("bought Canvas sneakers", new() { Timeout = 15_000 });

        Assert.True(browser.ScriptErrors.Count == 0, string.Join('\n', browser.ScriptErrors));
        await Infrastructure.Browser.ScreenshotAsync(streamer, "streamer-products");
    }
}

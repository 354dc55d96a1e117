using System.Text.RegularExpressions;
using Broadcart.Api.Tests.Creators;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class CreatorBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_creator_uploads_documents_an_admin_approves_them_and_the_creator_accepts_a_deal_and_sees_the_commission()
    {
        await using var node = await CreatorSetup.NodeAsync(new Dictionary<string, string?> { ["Blob:CorsOrigins"] = "*", ["Payouts:HoldPeriod"] = "00:00:06" });
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        // The creator sends their documents from the console, straight to private storage.
        var streamer = await browser.OpenAsync(node, "/streamer.html");
        await Infrastructure.Browser.SignInAsync(streamer, "creator-browser", "Bea", "HK");
        await Expect(streamer.Locator("#creator-verification")).ToHaveTextAsync("Not verified", Patiently);
        await streamer.FillAsync("#verification-legal-name", "Bea Lam");
        await streamer.FillAsync("#verification-country", "HK");
        await streamer.SetInputFilesAsync("#verification-document", new FilePayload { Name = "passport.png", MimeType = "image/png", Buffer = CreatorSetup.Passport });
        await streamer.SetInputFilesAsync("#verification-selfie", new FilePayload { Name = "selfie.png", MimeType = "image/png", Buffer = CreatorSetup.Selfie });
        await streamer.ClickAsync("#verification-submit");
        await Expect(streamer.Locator("#creator-verification")).ToHaveTextAsync("In review", Patiently);

        // The admin sees the case with working read links and approves it.
        var admin = await browser.OpenAsync(node, "/admin.html");
        await Infrastructure.Browser.SignInAsync(admin, "admin-browser", "Ada", "US");
        var review = admin.Locator("#verification-list li.verification[data-creator-id='creator-browser']");
        await Expect(review).ToContainTextAsync("Bea Lam (HK)", PatientlyContains);
        var link = await review.Locator("a.document").First.GetAttributeAsync("href");
        using (var http = new HttpClient())
        {
            Assert.Equal(CreatorSetup.Passport, await http.GetByteArrayAsync(link));
        }

        await review.Locator("button.approve").ClickAsync();
        await Expect(admin.Locator("#verification-list")).ToContainTextAsync("Nothing to review", PatientlyContains);

        // A merchant's deal (over REST), accepted in the console; the creator's room sells the product.
        var merchant = await node.TokenAsync("merchant-browser", "merchant");
        var productId = await node.ProductAsync(merchant, stock: 10, prices: [new Price("HK", "HKD", 10_000)]);
        var deal = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = 1500, minFollowers = 0 }));
        await streamer.ClickAsync("#creator-refresh");
        await Expect(streamer.Locator("#creator-verification")).ToHaveTextAsync("Verified", Patiently);
        var offer = streamer.Locator($"#deal-list li.deal[data-deal-id='{deal.GetProperty("dealId").GetString()}']");
        await offer.Locator("button.accept").ClickAsync();
        await Expect(offer).ToContainTextAsync("accepted", PatientlyContains);

        await streamer.FillAsync("#room-title", "Tea from Hong Kong");
        await streamer.ClickAsync("#create-room");
        await Expect(streamer.Locator("#room-id")).ToHaveTextAsync(new Regex("^r[0-9a-z]{12}$"), Patiently);
        var roomId = (await streamer.Locator("#room-id").TextContentAsync())!.Trim();
        await streamer.ClickAsync("#go-live");
        await Expect(streamer.Locator("#room-status")).ToHaveTextAsync("live", Patiently);
        var creatorToken = await node.TokenAsync("creator-browser", "streamer", "HK", "Bea");
        await node.PlaceAsync(new LiveRoom(roomId, creatorToken), productId, ProductPlacement.Pinned);
        var buyer = node.MintToken("buyer-browser", region: "HK");
        var order = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = "tea-1" }));
        await HttpAssert.Ok(node.NotifyAsync(order.GetProperty("orderId").GetString()!, "pay_tea_1", "succeeded"));

        // HK$100.00 x 15% = HK$15.00, pending until the hold period has passed.
        await streamer.ClickAsync("#creator-refresh");
        var entry = streamer.Locator("#earning-entries li.earning");
        await Expect(entry).ToContainTextAsync("15.00", PatientlyContains);
        await Expect(entry).ToHaveAttributeAsync("data-state", "pending");
        await Expect(streamer.Locator("#earnings-pending")).ToContainTextAsync("15.00");
        await Infrastructure.Browser.ScreenshotAsync(streamer, "creator-earnings");

        // After the hold period: a payout method in US dollars, the converted amount shown, then confirmed.
        await streamer.FillAsync("#payout-country", "US");
        await streamer.FillAsync("#payout-currency", "USD");
        await streamer.FillAsync("#payout-account", "acct-bea-001");
        await streamer.ClickAsync("#payout-method-save");
        await Eventually.Until(
            async () =>
            {
                await streamer.ClickAsync("#creator-refresh");
                return await streamer.Locator("#earning-entries li.earning").GetAttributeAsync("data-state");
            },
            state => state == "available", "the commission released after the hold period");
        await streamer.ClickAsync("#payout-preview");
        await Expect(streamer.Locator("#payout-quote")).ToContainTextAsync("HK$15.00", PatientlyContains);
        await Expect(streamer.Locator("#payout-quote")).ToContainTextAsync("$", PatientlyContains);
        await streamer.ClickAsync("#payout-confirm");
        await Expect(streamer.Locator("#payout-list li.payout")).ToHaveAttributeAsync("data-status", new Regex("^(submitted|paid)$"), new() { Timeout = 15_000 });
        await Expect(streamer.Locator("#earnings-paid")).ToContainTextAsync("15.00", PatientlyContains);
        await Expect(streamer.Locator("#payout-confirm")).ToBeHiddenAsync();

        // The merchant console shows the deal and what it owes.
        var merchantPage = await browser.OpenAsync(node, "/merchant.html");
        await Infrastructure.Browser.SignInAsync(merchantPage, "merchant-browser", "Mo", "HK");
        var owed = merchantPage.Locator($"#merchant-deal-list li.deal[data-deal-id='{deal.GetProperty("dealId").GetString()}'] .deal-owed");
        await Expect(owed).ToContainTextAsync("15.00", PatientlyContains);
        Assert.Empty(browser.ScriptErrors);
    }
}

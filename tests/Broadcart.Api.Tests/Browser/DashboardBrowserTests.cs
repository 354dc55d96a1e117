using System.Text.RegularExpressions;
using Broadcart.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task An_admin_who_opens_the_dashboard_signs_in_and_lands_on_the_Orleans_dashboard()
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(node.BaseUrl, "/admin/dashboard/").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/admin\\.html\\?next="));

        await Infrastructure.Browser.SignInAsync(page, "admin-browser", "Ada", "US");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/dashboard/$"), new() { Timeout = 15_000 });
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        // The page's scripts poll the dashboard's endpoints with the session cookie: the co-hosted silo shows up.
        await Expect(page.Locator("#content")).ToContainTextAsync(new Regex(@"Active Silos\s*1(?!\d)"), new() { Timeout = 15_000 });
        await Expect(page.Locator("#error-message-content")).ToBeEmptyAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, "orleans-dashboard");
    }
}

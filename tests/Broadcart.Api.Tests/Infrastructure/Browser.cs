using Microsoft.Playwright;

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; no browser download.</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Chromium = browser;
    }

    public IBrowser Chromium { get; }

    /// <summary>Script errors of every page opened with <see cref="OpenAsync"/>, for a test to assert none.</summary>
    public List<string> ScriptErrors { get; } = [];

    public static string ScreenshotDirectory { get; } = Path.Combine(RepoPaths.Root, ".test-run", "screenshots");

    public static async Task<Browser> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("BROADCART_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium is missing at {path}: install it with 'apt-get install -y chromium' (./test.sh does this).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // The machine has no internet: without these Chromium keeps trying to reach Google.
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A new page at <paramref name="path"/> of the node, its script errors collected in <see cref="ScriptErrors"/>.</summary>
    public async Task<IPage> OpenAsync(NodeClient node, string path)
    {
        var page = await NewPageAsync();
        page.PageError += (_, error) =>
        {
            lock (ScriptErrors)
            {
                ScriptErrors.Add($"{path}: {error}");
            }
        };
        await page.GotoAsync(new Uri(node.BaseUrl, path).ToString());
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 860 } });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through a console's dev-token form.</summary>
    public static async Task SignInAsync(IPage page, string userId, string name, string region)
    {
        await page.FillAsync("#signin-user", userId);
        await page.FillAsync("#signin-name", name);
        await page.FillAsync("#signin-region", region);
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#signed-in-as")).ToContainTextAsync(name, new() { Timeout = 15_000 });
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}

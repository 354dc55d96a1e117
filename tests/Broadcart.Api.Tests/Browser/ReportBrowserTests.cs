using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Attribution;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Broadcart.Api.Tests.Browser;

public sealed class ReportBrowserTests
{
    [Fact]
    public async Task A_merchant_opens_the_report_of_an_ended_room_sees_its_charts_and_downloads_the_csv()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var node = await EmbeddedNode.StartAsync(new Dictionary<string, string?>
        {
            ["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString,
            ["Blob:ReportContainer"] = "reports-" + id,
            ["Blob:ArchiveContainer"] = "archive-" + id,
        });
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var grains = node.Services.GetRequiredService<IGrainFactory>();

        // A show with buyers in two regions: one clicked the product first, one only watched.
        var merchantId = "report-browser-" + id;
        var merchant = node.MintToken(merchantId, "merchant");
        var product = await node.ProductAsync(merchant, stock: 20, "Linen shirt", [new("DE", "EUR", 2000), new("US", "USD", 2500)]);
        var room = await node.LiveRoomAsync("Linen week", homeRegion: "US", merchantId: merchantId);
        await node.PlaceAsync(room, product, ProductPlacement.Pinned);
        var buyers = new[] { ($"clicker-{id}", "DE"), ($"watcher-{id}", "US") };
        foreach (var (user, region) in buyers)
        {
            await using var viewer = await node.ConnectAsync(node.MintToken(user, region: region));
            await viewer.JoinAsync(room.RoomId);
            if (user.StartsWith("clicker", StringComparison.Ordinal))
            {
                await viewer.Connection.InvokeAsync("ClickProduct", room.RoomId, product);
            }

            await Eventually.Until(() => grains.GetGrain<IUserTouchpointsGrain>(user).Get(), t => t.Rooms.Any(r => r.RoomId == room.RoomId), $"{user}'s touchpoint");
            var token = node.MintToken(user, region: region);
            var order = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/orders", token, new { productId = product, quantity = 1, idempotencyKey = "k-" + user }));
            var orderId = order.GetProperty("orderId").GetString()!;
            await HttpAssert.Ok(node.NotifyAsync(orderId, "pay-" + orderId, "succeeded"));
        }

        await Eventually.Until(
            () => HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/report?currency=USD", merchant)),
            r => r.GetProperty("total").GetProperty("attributed").GetProperty("orders").GetInt64() == 2,
            "both orders attributed");
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/end", room.StreamerToken));
        var expected = await Eventually.Until(
            () => HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/report?currency=USD", merchant)),
            r => r.GetProperty("source").GetString() == "archive",
            "the stored report");

        var page = await browser.OpenAsync(node, "/merchant.html");
        await Infrastructure.Browser.SignInAsync(page, merchantId, "Mara", "US");
        await page.FillAsync("#report-room-id", room.RoomId);
        await page.ClickAsync("#report-load");
        await Expect(page.Locator("#report-status")).ToHaveAttributeAsync("data-state", "loaded", new() { Timeout = 15_000 });
        await Expect(page.Locator("#report-source")).ToContainTextAsync("Stored when the room ended");

        // The totals are the API's figures.
        var total = expected.GetProperty("total");
        await Expect(page.Locator("#report-totals [data-figure='orders']")).ToHaveTextAsync(total.GetProperty("orders").GetInt64().ToString());
        await Expect(page.Locator("#report-totals [data-figure='attributedOrders']")).ToHaveTextAsync("2");
        await Expect(page.Locator("#report-totals [data-figure='joins']")).ToHaveTextAsync(total.GetProperty("joins").GetInt64().ToString());

        // Both charts drew a bar per region and per hour, with the report's numbers.
        var regions = expected.GetProperty("byRegion").EnumerateArray().Select(r => r.GetProperty("region").GetString()!).ToArray();
        Assert.Equal(["DE", "US"], regions);
        var regionChart = await ChartAsync(page, "report-region-chart");
        Assert.Equal(regions, regionChart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var ordersByRegion = regionChart.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("label").GetString() == "Orders").GetProperty("data");
        Assert.Equal([1, 1], ordersByRegion.EnumerateArray().Select(v => v.GetInt64()));
        var hourChart = await ChartAsync(page, "report-hour-chart");
        Assert.Equal(expected.GetProperty("byHour").GetArrayLength(), hourChart.GetProperty("labels").GetArrayLength());
        Assert.True(await page.Locator("#report-region-chart").BoundingBoxAsync() is { Height: > 50 });
        await Expect(page.Locator("#report-region-rows tr")).ToHaveCountAsync(2);
        await Infrastructure.Browser.ScreenshotAsync(page, "merchant-report");

        // The CSV downloads, and is the API's CSV.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-csv"));
        Assert.Equal($"report-{room.RoomId}-USD.csv", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
        var api = await node.Http.SendAsync(node.Request(HttpMethod.Get, $"/api/rooms/{room.RoomId}/report.csv?currency=USD", merchant));
        Assert.Equal(await api.Content.ReadAsStringAsync(), saved);
        Assert.Contains("DE", saved);
        Assert.Empty(browser.ScriptErrors);
    }

    private static async Task<JsonElement> ChartAsync(IPage page, string canvasId)
    {
        var json = await page.EvaluateAsync<string>(
            "id => { const c = Chart.getChart(document.getElementById(id)); return c ? JSON.stringify({ labels: c.data.labels, datasets: c.data.datasets.map(d => ({ label: d.label, data: d.data })) }) : 'null'; }",
            canvasId);
        Assert.NotEqual("null", json);
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}

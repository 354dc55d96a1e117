using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;
using Broadcart.Grains.Metrics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Metrics;

/// <summary>
/// Attribution and the post-campaign report, end to end on a node with Blob Storage (Azurite): a
/// buyer's click and views in one room, orders placed in another room hours and days later (on a
/// clock only attribution reads), the report in two currencies and as CSV, and the ended room's
/// report served from its blob.
/// </summary>
public sealed class ReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Orders_are_attributed_by_the_click_and_view_windows_and_the_report_adds_up_in_the_order_days_currency()
    {
        var clock = new ManualTime(Start);
        var id = Guid.NewGuid().ToString("N")[..8];
        var container = "reports-" + id;
        var ratesFile = TwoDayRatesFile();
        await using var node = await EmbeddedNode.StartAsync(
            new Dictionary<string, string?>
            {
                ["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString,
                ["Blob:ReportContainer"] = container,
                ["Blob:ArchiveContainer"] = "archive-" + id,
                ["Fx:RatesFile"] = ratesFile,
            },
            b => b.Services.AddSingleton(new AttributionClock(clock)));
        var grains = node.Services.GetRequiredService<IGrainFactory>();

        var merchantId = "report-merchant-" + id;
        var merchant = node.MintToken(merchantId, "merchant");
        var productId = await node.ProductAsync(merchant, stock: 50, "Linen shirt", [new("DE", "EUR", 2000), new("US", "USD", 2500)]);
        var roomA = await node.LiveRoomAsync("Campaign room", homeRegion: "US", merchantId: merchantId);
        var roomB = await node.LiveRoomAsync("Shop room", homeRegion: "US", merchantId: merchantId);
        await node.PlaceAsync(roomA, productId, ProductPlacement.Pinned);
        await node.PlaceAsync(roomB, productId, ProductPlacement.Pinned);
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Put, $"/api/rooms/{roomA.RoomId}/reach", merchant, new
        {
            regions = new[] { "DE" }, excludedRegions = Array.Empty<string>(),
            budget = new { currency = "EUR", amountMinor = 100_00 }, bidCpm = new { currency = "EUR", amountMinor = 4_00 },
        }));

        // Touchpoints at the start: the clicker clicks in room A, two others only watch it.
        var clicker = $"clicker-{id}";
        var watcher = $"watcher-{id}";
        var lateWatcher = $"late-watcher-{id}";
        var viewers = new List<Viewer>();
        foreach (var user in new[] { clicker, watcher, lateWatcher })
        {
            var viewer = await node.ConnectAsync(node.MintToken(user, region: "DE"));
            viewers.Add(viewer);
            await viewer.JoinAsync(roomA.RoomId);
        }

        await viewers[0].Connection.InvokeAsync("ClickProduct", roomA.RoomId, productId);

        // Paid impressions in DE: a feed reader sees room A listed (each listing is one impression).
        var reader = node.MintToken($"reader-{id}", region: "DE");
        var listed = 0;
        await Eventually.Until(async () => listed += await ListedAsync(node, reader, roomA.RoomId), n => n > 0, "room A in the DE feed");
        for (var i = 0; i < 3; i++)
        {
            listed += await ListedAsync(node, reader, roomA.RoomId);
        }

        await Eventually.Until(() => grains.GetGrain<IUserTouchpointsGrain>(clicker).Get(),
            t => t.Rooms.Any(r => r.RoomId == roomA.RoomId && r.LastClick == Start), "the click in room A");
        foreach (var user in new[] { watcher, lateWatcher })
        {
            await Eventually.Until(() => grains.GetGrain<IUserTouchpointsGrain>(user).Get(),
                t => t.Rooms.Any(r => r.RoomId == roomA.RoomId && r.LastView == Start), $"{user}'s view of room A");
        }

        // 2 hours later: an order after the click (click-through) and one after a view (view-through), both placed in room B.
        clock.Advance(TimeSpan.FromHours(2));
        var clickedOrder = await PaidOrderAsync(node, roomB.RoomId, productId, node.MintToken(clicker, region: "DE"), "after-2h");
        var viewedOrder = await PaidOrderAsync(node, roomB.RoomId, productId, node.MintToken(lateWatcher, region: "DE"), "after-view");

        // 30 hours after only a view: no room earns it.
        clock.Advance(TimeSpan.FromHours(28));
        var unattributed = await PaidOrderAsync(node, roomB.RoomId, productId, node.MintToken(watcher, region: "DE"), "after-30h");

        // 6 days after the click: still room A's, on a day with other rates.
        clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromHours(30));
        var sixDays = await PaidOrderAsync(node, roomB.RoomId, productId, node.MintToken(clicker, region: "DE"), "after-6d");

        // The provider's retry, after every activation is gone, counts nothing twice.
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await HttpAssert.Ok(node.NotifyAsync(sixDays, "pay-" + sixDays, "succeeded"));

        var metrics = await Eventually.Until(
            () => HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/metrics", merchant)),
            m => m.GetProperty("total").GetProperty("joins").GetInt64() == 3 && m.GetProperty("total").GetProperty("clicks").GetInt64() == 1
                && m.GetProperty("total").GetProperty("paidImpressions").GetInt64() == listed
                && m.GetProperty("total").GetProperty("spendMicros").GetInt64() == listed * 4_00 * 10_000 / 1000
                && m.GetProperty("total").GetProperty("uniqueViewers").GetInt64() == 3,
            "room A's recorded events");
        var metricsTotal = metrics.GetProperty("total");
        Assert.Equal(2, metricsTotal.GetProperty("clickThroughOrders").GetInt64());
        Assert.Equal(1, metricsTotal.GetProperty("viewThroughOrders").GetInt64());
        Assert.Equal(4000, Sum(metricsTotal.GetProperty("clickThroughRevenue"), "EUR"));
        Assert.Equal(2000, Sum(metricsTotal.GetProperty("viewThroughRevenue"), "EUR"));
        Assert.Equal(1.0 / listed, metricsTotal.GetProperty("productCtr").GetDouble(), 12);
        Assert.Equal(3.0 / listed, metricsTotal.GetProperty("joinRate").GetDouble(), 12);
        Assert.Equal(metricsTotal.GetProperty("ctr").GetDouble(), metricsTotal.GetProperty("joinRate").GetDouble());

        // Room B sold all four orders but earned none of them.
        var shop = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomB.RoomId}/report?currency=EUR", merchant));
        Assert.Equal(4, shop.GetProperty("total").GetProperty("orders").GetInt64());
        Assert.Equal(8000, shop.GetProperty("total").GetProperty("gmv").GetProperty("amountMinor").GetInt64());
        Assert.Equal(0, shop.GetProperty("total").GetProperty("attributed").GetProperty("orders").GetInt64());

        // In EUR: the figures are the recorded events exactly, and regions and hours add up to the total.
        var eur = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report?currency=EUR", merchant));
        Assert.Equal("computed", eur.GetProperty("source").GetString());
        var total = eur.GetProperty("total");
        Assert.Equal((listed, 0L, (long)listed), (total.GetProperty("paidImpressions").GetInt64(), total.GetProperty("organicImpressions").GetInt64(), total.GetProperty("impressions").GetInt64()));
        Assert.Equal((3L, 1L, 3L), (total.GetProperty("joins").GetInt64(), total.GetProperty("productClicks").GetInt64(), total.GetProperty("uniqueViewers").GetInt64()));
        Assert.Equal(1.0 / listed, total.GetProperty("ctr").GetDouble(), 12);
        Assert.Equal(3.0 / listed, total.GetProperty("joinRate").GetDouble(), 12);
        Assert.Equal(0, total.GetProperty("orders").GetInt64());
        var spendMicros = listed * 4_00L * 10_000 / 1000;
        Assert.Equal(spendMicros, total.GetProperty("spendMicros").GetInt64());
        Assert.Equal(("EUR", spendMicros / 10_000), (total.GetProperty("spend").GetProperty("currency").GetString(), total.GetProperty("spend").GetProperty("amountMinor").GetInt64()));
        Assert.Equal(4_00, total.GetProperty("cpm").GetProperty("amountMinor").GetInt64());
        var attributed = total.GetProperty("attributed");
        Assert.Equal((3L, 6000L), (attributed.GetProperty("orders").GetInt64(), attributed.GetProperty("revenue").GetProperty("amountMinor").GetInt64()));
        Assert.Equal((2L, 4000L), (attributed.GetProperty("clickThrough").GetProperty("orders").GetInt64(), attributed.GetProperty("clickThrough").GetProperty("revenue").GetProperty("amountMinor").GetInt64()));
        Assert.Equal((1L, 2000L), (attributed.GetProperty("viewThrough").GetProperty("orders").GetInt64(), attributed.GetProperty("viewThrough").GetProperty("revenue").GetProperty("amountMinor").GetInt64()));
        Assert.Equal(6000.0 * 10_000 / spendMicros, total.GetProperty("roi").GetDouble(), 9);
        AssertRowsAddUp(eur);
        var de = Assert.Single(eur.GetProperty("byRegion").EnumerateArray());
        Assert.Equal("DE", de.GetProperty("region").GetString());
        Assert.Equal(3, de.GetProperty("figures").GetProperty("uniqueViewers").GetInt64());

        // The attributed orders sit in the hours they were paid on the attribution clock.
        var hours = eur.GetProperty("byHour").EnumerateArray().ToDictionary(h => h.GetProperty("hour").GetDateTimeOffset(), h => h.GetProperty("figures"));
        Assert.Equal(2, hours[Start.AddHours(2)].GetProperty("attributed").GetProperty("orders").GetInt64());
        Assert.Equal(1, hours[Start.AddDays(6)].GetProperty("attributed").GetProperty("clickThrough").GetProperty("orders").GetInt64());

        // In USD: each order's revenue at its day's rate (2026-11-30: 1.05; 2026-12-06: the file's latest, 2026-12-01).
        var usd = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report?currency=USD", merchant));
        var rates = new FileExchangeRates(ratesFile);
        var dec1 = await rates.OnOrBeforeAsync(new DateOnly(2026, 12, 6));
        Assert.Equal(new DateOnly(2026, 12, 1), dec1.Date);
        var laterOrder = dec1.Convert(new Money("EUR", 2000), "USD").Converted.AmountMinor;
        Assert.Equal(2322, laterOrder);
        var usdAttributed = usd.GetProperty("total").GetProperty("attributed");
        Assert.Equal(2100 + laterOrder, usdAttributed.GetProperty("clickThrough").GetProperty("revenue").GetProperty("amountMinor").GetInt64());
        Assert.Equal(2100, usdAttributed.GetProperty("viewThrough").GetProperty("revenue").GetProperty("amountMinor").GetInt64());
        Assert.Equal("USD", usdAttributed.GetProperty("revenue").GetProperty("currency").GetString());
        var usedRates = usd.GetProperty("rates").EnumerateArray().ToDictionary(r => r.GetProperty("day").GetString()!, r => r);
        Assert.Equal("2026-12-01", usedRates["2026-12-06"].GetProperty("rateDate").GetString());
        Assert.Equal(1.05m, usedRates["2026-11-30"].GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "EUR").GetProperty("rate").GetDecimal());
        AssertRowsAddUp(usd);

        // The CSV says what the JSON says, row for row.
        await AssertCsvMatchesAsync(node, roomA.RoomId, merchant, usd);

        // Who may see it, and what is refused.
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report?currency=USD", node.MintToken("stranger-" + id)), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report.csv?currency=USD", node.MintToken("stranger-" + id)), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report?currency=XYZ", merchant), 400, "validation_failed");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/rooms/rnosuchroom0000/report?currency=USD", merchant), 404, "not_found");
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report", roomA.StreamerToken));

        // The room ends: its report goes to Blob Storage and is served from there, orders attributed later included.
        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }

        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomA.RoomId}/end", roomA.StreamerToken));
        clock.Advance(TimeSpan.FromHours(1));
        await PaidOrderAsync(node, roomB.RoomId, productId, node.MintToken(clicker, region: "DE"), "after-end");
        var blob = new BlobServiceClient(TestEnvironment.BlobConnectionString).GetBlobContainerClient(container).GetBlobClient($"{roomA.RoomId}/report.json");
        var stored = await Eventually.Until(
            async () => await blob.ExistsAsync() ? JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())! : new JsonObject(),
            b => b["native"]?["total"]?["attributed"]?["clickThrough"]?["orders"]?.GetValue<long>() == 3,
            "the stored report with the order attributed after the end");
        Assert.Equal("EUR", stored["native"]!["currency"]!.GetValue<string>());
        Assert.NotNull(stored["raw"]!["endedAt"]);
        Assert.Equal(3, stored["raw"]!["cells"]!.AsArray().Sum(c => c!["joins"]!.GetValue<long>()));

        var ended = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report?currency=EUR", merchant));
        Assert.Equal("archive", ended.GetProperty("source").GetString());
        Assert.Equal(3, ended.GetProperty("total").GetProperty("attributed").GetProperty("clickThrough").GetProperty("orders").GetInt64());
        Assert.Equal(stored["native"]!["total"]!.ToJsonString(), JsonNode.Parse(ended.GetProperty("total").GetRawText())!.ToJsonString());

        // Served from the blob, not from the grain: what the blob says is what the endpoint says.
        var tampered = await Eventually.Until(
            async () =>
            {
                var doc = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
                foreach (var cell in doc["raw"]!["cells"]!.AsArray())
                {
                    cell!["joins"] = 0;
                }

                doc["raw"]!["cells"]![0]!["joins"] = 1000;
                await blob.UploadAsync(BinaryData.FromString(doc.ToJsonString()), overwrite: true);
                return await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomA.RoomId}/report?currency=EUR", merchant));
            },
            r => r.GetProperty("total").GetProperty("joins").GetInt64() == 1000,
            "the report to show the blob's figures");
        Assert.Equal("archive", tampered.GetProperty("source").GetString());
        _ = (clickedOrder, viewedOrder, unattributed);
    }

    [Fact]
    public async Task Without_Blob_Storage_an_ended_rooms_report_is_kept_in_the_metrics_state()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var merchantId = "memory-merchant-" + Guid.NewGuid().ToString("N")[..8];
        var room = await node.LiveRoomAsync("Memory room", merchantId: merchantId);
        var viewer = await node.ConnectAsync(node.MintToken("memory-viewer-" + room.RoomId, region: "US"));
        await viewer.JoinAsync(room.RoomId);
        var merchant = node.MintToken(merchantId, "merchant");
        await Eventually.Until(
            () => HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/report", merchant)),
            r => r.GetProperty("total").GetProperty("joins").GetInt64() == 1, "the join in the report");
        await viewer.DisposeAsync();
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/end", room.StreamerToken));

        var ended = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/report", merchant));
        Assert.Equal("archive", ended.GetProperty("source").GetString());
        Assert.Equal("EUR", ended.GetProperty("currency").GetString());
        Assert.Equal(1, ended.GetProperty("total").GetProperty("uniqueViewers").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("endedAt").ValueKind);
    }

    private static async Task<int> ListedAsync(ApiNode node, string token, string roomId)
    {
        var feed = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/feed?region=DE", token));
        return feed.GetProperty("rooms").EnumerateArray().Count(r => r.GetProperty("roomId").GetString() == roomId);
    }

    private static async Task<string> PaidOrderAsync(ApiNode node, string roomId, string productId, string buyer, string key)
    {
        var order = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = key }));
        var orderId = order.GetProperty("orderId").GetString()!;
        await HttpAssert.Ok(node.NotifyAsync(orderId, "pay-" + orderId, "succeeded"));
        return orderId;
    }

    private static long Sum(JsonElement monies, string currency) =>
        monies.EnumerateArray().Where(m => m.GetProperty("currency").GetString() == currency).Sum(m => m.GetProperty("amountMinor").GetInt64());

    private static readonly string[] Additive =
        ["impressions", "organicImpressions", "paidImpressions", "joins", "productClicks", "orders", "units", "spendMicros"];

    private static readonly string[] AdditiveMoney = ["gmv", "attributed.revenue", "attributed.clickThrough.revenue", "attributed.viewThrough.revenue"];

    /// <summary>Regions and hours each add up to the total, figure by figure, money to the minor unit.</summary>
    private static void AssertRowsAddUp(JsonElement report)
    {
        var total = report.GetProperty("total");
        foreach (var rows in new[] { "byRegion", "byHour" })
        {
            var figures = report.GetProperty(rows).EnumerateArray().Select(r => r.GetProperty("figures")).ToList();
            foreach (var name in Additive)
            {
                Assert.Equal(total.GetProperty(name).GetInt64(), figures.Sum(f => f.GetProperty(name).GetInt64()));
            }

            foreach (var path in AdditiveMoney)
            {
                Assert.Equal(Path(total, path).GetProperty("amountMinor").GetInt64(), figures.Sum(f => Path(f, path).GetProperty("amountMinor").GetInt64()));
            }

            Assert.Equal(total.GetProperty("attributed").GetProperty("orders").GetInt64(), figures.Sum(f => f.GetProperty("attributed").GetProperty("orders").GetInt64()));
        }
    }

    private static JsonElement Path(JsonElement e, string path) => path.Split('.').Aggregate(e, (x, p) => x.GetProperty(p));

    private static async Task AssertCsvMatchesAsync(ApiNode node, string roomId, string token, JsonElement json)
    {
        var response = await node.Http.SendAsync(node.Request(HttpMethod.Get, $"/api/rooms/{roomId}/report.csv?currency=USD", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        var expected = new List<(string Scope, string Key, JsonElement Figures)> { ("total", "", json.GetProperty("total")) };
        expected.AddRange(json.GetProperty("byRegion").EnumerateArray().Select(r => ("region", r.GetProperty("region").GetString()!, r.GetProperty("figures"))));
        expected.AddRange(json.GetProperty("byHour").EnumerateArray().Select(h => ("hour", h.GetProperty("hour").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), h.GetProperty("figures"))));
        Assert.Equal(expected.Count, rows.Count);
        foreach (var ((scope, key, f), row) in expected.Zip(rows))
        {
            Assert.Equal((scope, key, "USD"), (row["scope"], row["key"], row["currency"]));
            foreach (var name in Additive.Append("uniqueViewers"))
            {
                Assert.Equal(f.GetProperty(name).GetInt64().ToString(CultureInfo.InvariantCulture), row[name]);
            }

            foreach (var name in new[] { "ctr", "joinRate", "roi" })
            {
                double? inJson = f.GetProperty(name).ValueKind == JsonValueKind.Null ? null : f.GetProperty(name).GetDouble();
                double? inCsv = row[name].Length == 0 ? null : double.Parse(row[name], CultureInfo.InvariantCulture);
                Assert.Equal(inJson, inCsv);
            }

            Assert.Equal(f.GetProperty("gmv").GetProperty("amountMinor").GetInt64(), long.Parse(row["gmvMinor"], CultureInfo.InvariantCulture));
            Assert.Equal(f.GetProperty("spend").GetProperty("amountMinor").GetInt64(), long.Parse(row["spendMinor"], CultureInfo.InvariantCulture));
            Assert.Equal(f.GetProperty("cpm").ValueKind == JsonValueKind.Null ? "" : f.GetProperty("cpm").GetProperty("amountMinor").GetInt64().ToString(CultureInfo.InvariantCulture), row["cpmMinor"]);
            var a = f.GetProperty("attributed");
            Assert.Equal(
                (a.GetProperty("orders").GetInt64(), a.GetProperty("revenue").GetProperty("amountMinor").GetInt64(),
                    a.GetProperty("clickThrough").GetProperty("orders").GetInt64(), a.GetProperty("clickThrough").GetProperty("revenue").GetProperty("amountMinor").GetInt64(),
                    a.GetProperty("viewThrough").GetProperty("orders").GetInt64(), a.GetProperty("viewThrough").GetProperty("revenue").GetProperty("amountMinor").GetInt64()),
                (long.Parse(row["attributedOrders"], CultureInfo.InvariantCulture), long.Parse(row["attributedRevenueMinor"], CultureInfo.InvariantCulture),
                    long.Parse(row["clickThroughOrders"], CultureInfo.InvariantCulture), long.Parse(row["clickThroughRevenueMinor"], CultureInfo.InvariantCulture),
                    long.Parse(row["viewThroughOrders"], CultureInfo.InvariantCulture), long.Parse(row["viewThroughRevenueMinor"], CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The shipped rates (2026-12-01) and an older day with other rates, newest first as the ECB's history files are.</summary>
    private static string TwoDayRatesFile()
    {
        using var reader = new StreamReader(FileExchangeRates.OpenShipped());
        var shipped = reader.ReadToEnd();
        const string older = "<Cube time='2026-11-30'><Cube currency='USD' rate='1.0500'/><Cube currency='JPY' rate='170.00'/><Cube currency='GBP' rate='0.85000'/></Cube>";
        var insertAt = shipped.LastIndexOf("</Cube>", shipped.LastIndexOf("</Cube>", StringComparison.Ordinal) - 1, StringComparison.Ordinal);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rates-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, shipped.Insert(insertAt + "</Cube>".Length, older));
        return path;
    }
}

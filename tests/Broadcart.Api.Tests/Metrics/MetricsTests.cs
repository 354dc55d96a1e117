using System.Net;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Api.Tests.Reach;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Api.Tests.Metrics;

[Collection(LiveClusterCollection.Name)]
public sealed class MetricsTests(LiveCluster cluster)
{
    [Fact]
    public async Task A_scripted_session_yields_exactly_its_figures_over_REST_and_in_metrics_events()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "PT");
        var node = cluster.NodeA;
        var productId = await node.ProductAsync(room.MerchantToken, stock: 50, "Azulejo tile", [new("PT", "EUR", 1000), new("ES", "EUR", 1200)]);
        await node.PlaceAsync(new LiveRoom(room.RoomId, room.StreamerToken), productId, ProductPlacement.Pinned);
        await HttpAssert.Ok(room.SetReachAsync(ReachScenario.Reach(["ES"], budgetMinor: 100_00, bidMinor: 5_00, currency: "EUR")));

        var streamer = await node.ConnectAsync(room.StreamerToken);
        var initial = await streamer.Connection.InvokeAsync<JsonElement>("WatchMetrics", room.RoomId);
        Assert.Equal(room.RoomId, initial.GetProperty("roomId").GetString());

        var pt1 = await cluster.NodeA.ConnectAsync(cluster.NodeA.MintToken($"pt1-{room.RoomId}", region: "PT"));
        var pt2 = await cluster.NodeA.ConnectAsync(cluster.NodeA.MintToken($"pt2-{room.RoomId}", region: "PT"));
        var es1 = await cluster.NodeB.ConnectAsync(cluster.NodeB.MintToken($"es1-{room.RoomId}", region: "ES"));
        foreach (var viewer in new[] { pt1, pt2, es1 })
        {
            await viewer.JoinAsync(room.RoomId);
        }

        await pt1.Connection.InvokeAsync("ClickProduct", room.RoomId, productId);
        await pt1.Connection.InvokeAsync("ClickProduct", room.RoomId, productId);
        await es1.Connection.InvokeAsync("ClickProduct", room.RoomId, productId);
        await pt1.Connection.InvokeAsync<JsonElement>("Purchase", room.RoomId, productId, 2, "pt1-order");
        await es1.Connection.InvokeAsync<JsonElement>("Purchase", room.RoomId, productId, 1, "es1-order");

        await room.FeedUntilAsync("PT", listed: true);
        await room.FeedUntilAsync("ES", listed: true);
        var organic = 1 + (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => room.FeedAsync("PT")))).Count(r => r.Listed);
        var paid = 1 + (await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => room.FeedAsync("ES")))).Count(r => r.Paid);
        Assert.Equal((5, 3), (organic, paid));

        const long microsPerImpression = 5_00 * 10_000 / 1000;
        bool Complete(JsonElement report)
        {
            var t = report.GetProperty("total");
            return t.GetProperty("joins").GetInt64() == 3 && t.GetProperty("clicks").GetInt64() == 3 && t.GetProperty("orders").GetInt64() == 2
                && t.GetProperty("organicImpressions").GetInt64() == organic && t.GetProperty("paidImpressions").GetInt64() == paid
                && t.GetProperty("spendMicros").GetInt64() == paid * microsPerImpression;
        }

        var report = await Eventually.Until(
            () => HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/metrics", room.MerchantToken)),
            Complete, "the scripted figures");
        var total = report.GetProperty("total");
        Assert.Equal(3, total.GetProperty("units").GetInt64());
        Assert.Equal(3, total.GetProperty("peakViewers").GetInt32());
        Assert.Equal(8, total.GetProperty("impressions").GetInt64());
        var revenue = total.GetProperty("revenue").EnumerateArray().Single();
        Assert.Equal(("EUR", 3200L), (revenue.GetProperty("currency").GetString(), revenue.GetProperty("amountMinor").GetInt64()));
        Assert.Equal(("EUR", 1L), (total.GetProperty("spend").GetProperty("currency").GetString(), total.GetProperty("spend").GetProperty("amountMinor").GetInt64()));
        Assert.Equal(3.0 / 8, total.GetProperty("ctr").GetDouble(), 9);
        Assert.Equal(2.0 / 3, total.GetProperty("conversion").GetDouble(), 9);
        Assert.Equal(1.0, total.GetProperty("clickRate").GetDouble(), 9);
        Assert.Equal(3200.0 * 10_000 / (paid * microsPerImpression), total.GetProperty("roi").GetDouble(), 9);

        var regions = report.GetProperty("byRegion").EnumerateArray().ToDictionary(r => r.GetProperty("region").GetString()!, r => r.GetProperty("figures"));
        Assert.Equal((2L, 2L, 1L, 5L, 0L), (regions["PT"].GetProperty("joins").GetInt64(), regions["PT"].GetProperty("clicks").GetInt64(),
            regions["PT"].GetProperty("orders").GetInt64(), regions["PT"].GetProperty("organicImpressions").GetInt64(), regions["PT"].GetProperty("paidImpressions").GetInt64()));
        Assert.Equal((1L, 1L, 1L, 0L, 3L), (regions["ES"].GetProperty("joins").GetInt64(), regions["ES"].GetProperty("clicks").GetInt64(),
            regions["ES"].GetProperty("orders").GetInt64(), regions["ES"].GetProperty("organicImpressions").GetInt64(), regions["ES"].GetProperty("paidImpressions").GetInt64()));
        Assert.Equal(paid * microsPerImpression, regions["ES"].GetProperty("spendMicros").GetInt64());
        Assert.NotEmpty(report.GetProperty("byMinute").EnumerateArray());

        await streamer.WaitUntil(v => v.EventsNamed("metrics").Any(Complete), "a metrics event with the scripted figures");
    }

    [Fact]
    public async Task Only_the_streamer_and_the_merchant_may_see_a_rooms_metrics()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "GR");
        var stranger = cluster.NodeA.MintToken("curious-viewer");
        var (response, problem) = await cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/metrics", stranger);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());

        var viewer = await cluster.NodeA.ConnectAsync(stranger);
        await HubAssert.Refused("forbidden", () => viewer.Connection.InvokeAsync<JsonElement>("WatchMetrics", room.RoomId));
        var (owner, _) = await cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/metrics", room.StreamerToken);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Reach;

/// <summary>A live room with a merchant, in a home region of the test's choosing, driven over REST.</summary>
public sealed record ReachScenario(LiveCluster Cluster, string RoomId, string StreamerToken, string MerchantToken, string MerchantId)
{
    public static async Task<ReachScenario> StartAsync(LiveCluster cluster, string homeRegion)
    {
        var node = cluster.NodeA;
        var merchantId = "merchant-" + Guid.NewGuid().ToString("N")[..8];
        var streamerToken = node.MintToken("streamer-" + Guid.NewGuid().ToString("N")[..8], "streamer", homeRegion);
        var room = await node.LiveRoomAsync($"Live from {homeRegion}", homeRegion, merchantId, streamerToken);
        return new ReachScenario(cluster, room.RoomId, streamerToken, node.MintToken(merchantId, "merchant"), merchantId);
    }

    public Task<(HttpResponseMessage Response, JsonElement Body)> SetReachAsync(object body, string? token = null) =>
        Cluster.NodeA.SendAsync(HttpMethod.Put, $"/api/rooms/{RoomId}/reach", token ?? MerchantToken, body);

    public static object Reach(string[] regions, string[]? excluded = null, long budgetMinor = 100_000, long bidMinor = 200, string currency = "USD") => new
    {
        regions,
        excludedRegions = excluded ?? [],
        budget = new { currency, amountMinor = budgetMinor },
        bidCpm = new { currency, amountMinor = bidMinor },
    };

    /// <summary>One feed request: the rooms listed, and whether this room was among them and paid.</summary>
    public async Task<(bool Listed, bool Paid)> FeedAsync(string region, ApiNode? node = null)
    {
        node ??= Cluster.NodeA;
        var (response, body) = await node.SendAsync(HttpMethod.Get, $"/api/feed?region={region}&limit=50", node.MintToken("feed-reader", region: region));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = body.GetProperty("rooms").EnumerateArray().Where(r => r.GetProperty("roomId").GetString() == RoomId).ToList();
        return (mine.Count == 1, mine.Count == 1 && mine[0].GetProperty("paid").GetBoolean());
    }

    public Task<(bool Listed, bool Paid)> FeedUntilAsync(string region, bool listed) =>
        Eventually.Until(() => FeedAsync(region), r => r.Listed == listed, $"room {(listed ? "in" : "out of")} the {region} feed");

    public Task<JsonElement> ReachAsync() => HttpAssert.Ok(Cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/rooms/{RoomId}/reach", MerchantToken));
}

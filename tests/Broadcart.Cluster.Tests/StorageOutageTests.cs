using System.Net;
using System.Text.Json;

namespace Broadcart.Cluster.Tests;

[Collection(ProcessClusterCollection.Name)]
public sealed class StorageOutageTests(ProcessCluster cluster)
{
    private static readonly Price[] Umbrella = [new("US", "USD", 1500)];

    private static void AssertStorageUnavailable(HttpResponseMessage response, JsonElement body)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("storage_unavailable", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task While_Azurite_or_Redis_is_down_calls_fail_fast_with_503_and_service_recovers_with_nothing_acknowledged_lost()
    {
        var api = cluster.Api[0];
        var buyer = await api.TokenAsync("outage-buyer");
        var (roomId, productId, _, merchant) = await api.ShopAsync(stock: 10, ProductPlacement.Showcase, "Outage umbrella", Umbrella);
        var (placed, before) = await api.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = "before-outage" });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        // Blob Storage down: writes refuse quickly and clearly.
        await cluster.Topology.StopAzuriteAsync();
        var (r, b) = await api.SendAsync(HttpMethod.Post, "/api/products", merchant, new
        {
            title = "Outage umbrella", stock = 5, prices = Umbrella, shipsTo = new[] { "US" },
        });
        AssertStorageUnavailable(r, b);
        (r, b) = await api.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = "during-blob-outage" });
        AssertStorageUnavailable(r, b);
        Assert.False((await api.Http.GetAsync("/health/ready")).IsSuccessStatusCode);

        await cluster.Topology.StartAzuriteAsync();
        var recovered = await Eventually.Until(
            () => api.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = "during-blob-outage" }),
            x => x.Response.IsSuccessStatusCode, "orders after Azurite returned");
        Assert.Equal("reserved", recovered.Body.GetProperty("status").GetString());

        // Redis down: reminders cannot be registered, so no order can be promised an expiry.
        await cluster.Topology.StopRedisAsync();
        (r, b) = await api.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = "during-redis-outage" });
        AssertStorageUnavailable(r, b);
        await cluster.Topology.StartRedisAsync();
        await Eventually.Until(
            () => api.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = "during-redis-outage" }),
            x => x.Response.IsSuccessStatusCode, "orders after Redis returned");
        await Eventually.Until(async () => (await api.Http.GetAsync("/health/ready")).IsSuccessStatusCode, ready => ready, "ready again");

        var (read, order) = await api.SendAsync(HttpMethod.Get, $"/api/orders/{before.GetProperty("orderId").GetString()}", buyer);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("reserved", order.GetProperty("status").GetString());
        var stock = (await api.SendAsync(HttpMethod.Get, $"/api/products/{productId}", merchant)).Body.GetProperty("stock").GetInt32();
        Assert.Equal(7, stock);
    }
}

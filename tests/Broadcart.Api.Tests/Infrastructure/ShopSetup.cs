using System.Net;
using System.Text.Json;

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>A merchant's product in a live room's showcase, made through the public REST API.</summary>
public sealed record ShopSetup(string RoomId, string ProductId, string StreamerToken, string MerchantToken)
{
    public static async Task<ShopSetup> CreateAsync(LiveCluster cluster, int stock, bool pin = true)
    {
        var node = cluster.NodeA;
        var merchantToken = await node.TokenAsync("merchant-" + Guid.NewGuid().ToString("N")[..8], "merchant");
        var (created, product) = await node.SendAsync(HttpMethod.Post, "/api/products", merchantToken, new
        {
            title = "Silk scarf",
            description = "Hand-rolled edges",
            stock,
            prices = new[]
            {
                new { region = "US", currency = "USD", amountMinor = 2500L },
                new { region = "DE", currency = "EUR", amountMinor = 2300L },
                new { region = "JP", currency = "JPY", amountMinor = 3800L },
            },
            shipsTo = new[] { "US", "DE", "JP" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var productId = product.GetProperty("id").GetString()!;

        var (roomId, streamerToken, _) = await cluster.LiveRoomAsync();
        await Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/showcase", streamerToken, new { productId }));
        if (pin)
        {
            await Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/pin", streamerToken, new { productId }));
        }

        return new ShopSetup(roomId, productId, streamerToken, merchantToken);
    }

    public static async Task<JsonElement> Ok(Task<(HttpResponseMessage Response, JsonElement Body)> call)
    {
        var (response, body) = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}

using System.Net;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Commerce;

/// <summary>
/// The members clients read, by name and in order, for the objects built from grain records: the
/// grain contracts may change, the JSON may not (docs/protocol.md).
/// </summary>
[Collection(LiveClusterCollection.Name)]
public sealed class WireShapeTests(LiveCluster cluster)
{
    private static readonly string[] Sale = ["roomId", "saleId", "productId", "state", "quantity", "remaining", "perUserLimit", "endsAt", "price"];

    private static readonly string[] Room =
    [
        "id", "roomId", "title", "language", "status", "streamerId", "streamerName", "merchantId", "homeRegion", "coverUrl",
        "viewerCount", "likes", "slowModeSeconds", "chatSeq", "createdAt", "startedAt", "endedAt", "pinned", "showcase", "flashSale", "moderators", "auction",
    ];

    private static readonly string[] RegionalProduct = ["id", "title", "description", "imageUrl", "region", "available", "price", "listPrice"];

    private static readonly string[] Product = ["id", "merchantId", "title", "description", "imageUrl", "prices", "shipsTo", "stock", "createdAt", "restockOnRefund"];

    private static void AssertMembers(string[] expected, JsonElement value) =>
        Assert.Equal(expected, value.EnumerateObject().Select(p => p.Name));

    [Fact]
    public async Task A_room_with_a_pinned_product_and_a_sale_has_the_protocol_shape_over_REST_and_both_hub_protocols()
    {
        var shop = await cluster.NodeA.ShopAsync(stock: 10);
        var node = cluster.NodeA;
        await using var json = await node.ConnectAsync(await node.TokenAsync("shape-json-" + shop.RoomId));
        await using var messagePack = await node.ConnectAsync(await node.TokenAsync("shape-msgpack-" + shop.RoomId), messagePack: true);
        await json.JoinAsync(shop.RoomId);
        await messagePack.JoinAsync(shop.RoomId);

        var (created, sale) = await node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/flash-sales", shop.StreamerToken,
            new { shop.ProductId, quantity = 3, perUserLimit = 1, durationSeconds = 60 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        AssertMembers(Sale, sale);
        Assert.Equal("started", sale.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, sale.GetProperty("price").ValueKind);

        var room = await cluster.RoomAsync(shop.RoomId, shop.StreamerToken);
        AssertMembers(Room, room);
        AssertMembers(RegionalProduct, room.GetProperty("pinned"));
        AssertMembers(RegionalProduct, room.GetProperty("showcase")[0]);
        AssertMembers(Sale, room.GetProperty("flashSale"));

        foreach (var viewer in new[] { json, messagePack })
        {
            await viewer.WaitUntil(v => v.EventsNamed("flashSale").Any(), "the flashSale event");
            AssertMembers(Sale, viewer.EventsNamed("flashSale").First());
            var joined = await viewer.JoinAsync(shop.RoomId);
            AssertMembers([.. Room, "recentChat", "geo"], joined);
            AssertMembers(Sale, joined.GetProperty("flashSale"));
        }

        AssertMembers(Product, await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/products/{shop.ProductId}", shop.MerchantToken)));
    }
}

using System.Text.Json.Nodes;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Live;

[Collection(LiveClusterCollection.Name)]
public sealed class ProtocolTests(LiveCluster cluster)
{
    private static readonly string[] StreamerEvents = ["chat", "chatBatch", "chatDeleted", "productPinned", "showcase", "flashSale", "stock", "slowMode"];

    [Fact]
    public async Task MessagePack_and_JSON_viewers_in_one_room_receive_the_same_events_with_the_same_payloads()
    {
        var shop = await cluster.NodeA.ShopAsync(stock: 10, ProductPlacement.Showcase);
        var node = cluster.NodeA;
        await using var json = await node.ConnectAsync(await node.TokenAsync("json-" + shop.RoomId));
        await using var messagePack = await node.ConnectAsync(await node.TokenAsync("msgpack-" + shop.RoomId), messagePack: true);
        var joinedJson = await json.JoinAsync(shop.RoomId);
        var joinedMessagePack = await messagePack.JoinAsync(shop.RoomId);
        Assert.Equal(joinedJson.GetProperty("showcase").GetRawText(), joinedMessagePack.GetProperty("showcase").GetRawText());
        Assert.Equal(joinedJson.GetProperty("geo").GetRawText(), joinedMessagePack.GetProperty("geo").GetRawText());

        await using var streamer = await node.ConnectAsync(shop.StreamerToken, messagePack: true);
        await streamer.JoinAsync(shop.RoomId);
        for (var i = 0; i < 5; i++)
        {
            await streamer.SendChatAsync(shop.RoomId, $"hello {i} 你好 🎉");
        }

        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/pin", shop.StreamerToken, new { shop.ProductId }));
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/flash-sales", shop.StreamerToken,
            new { shop.ProductId, quantity = 3, perUserLimit = 1, durationSeconds = 60 }));
        await streamer.SendChatAsync(shop.RoomId, "last");

        foreach (var viewer in new[] { json, messagePack })
        {
            await viewer.WaitUntil(v => v.Chat.Any(c => c.Text == "last") && v.EventsNamed("flashSale").Any(), "the streamer's events");
        }

        // The same values in the same shape (escaping of the text may differ between the two encodings).
        static List<(string Name, JsonNode? Payload)> Seen(Testing.Viewer v) =>
            [.. v.Events.Where(e => StreamerEvents.Contains(e.Name)).Select(e => (e.Name, JsonNode.Parse(e.Payload.GetRawText())))];
        var (fromJson, fromMessagePack) = (Seen(json), Seen(messagePack));
        Assert.Equal(fromJson.Select(e => e.Name), fromMessagePack.Select(e => e.Name));
        for (var i = 0; i < fromJson.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(fromJson[i].Payload, fromMessagePack[i].Payload), $"{fromJson[i].Payload?.ToJsonString()} != {fromMessagePack[i].Payload?.ToJsonString()}");
        }

        Assert.Equal(6, messagePack.Chat.Count);
        Assert.Contains(messagePack.Chat, c => c.Text == "hello 0 你好 🎉");
    }
}

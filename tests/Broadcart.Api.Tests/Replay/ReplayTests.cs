using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Replay;

/// <summary>Replay shopping: a recorded show served in pages from the archive (in memory or in Blob Storage), and orders placed from it.</summary>
public sealed class ReplayTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_replay_comes_in_pages_with_nothing_missing_or_repeated_and_its_showcase_sells_at_the_regular_price(bool blob)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var node = await EmbeddedNode.StartAsync(blob
            ? new Dictionary<string, string?>
            {
                ["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString,
                ["Blob:ArchiveContainer"] = "archive-" + id,
                ["Blob:ReportContainer"] = "reports-" + id,
            }
            : null);
        var merchantId = "replay-merchant-" + id;
        var merchant = await node.TokenAsync(merchantId, "merchant");
        var scarf = await node.ProductAsync(merchant, stock: 50, title: "Silk scarf");
        var bag = await node.ProductAsync(merchant, stock: 50, title: "Canvas bag");
        var room = await node.LiveRoomAsync("Replay me", merchantId: merchantId);
        await node.PlaceAsync(room, scarf, ProductPlacement.Pinned);
        await node.PlaceAsync(room, bag, ProductPlacement.Showcase);

        // Before the end there is no replay.
        var watcher = await node.TokenAsync("replay-watcher-" + id);
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/replay", watcher), 409, "room_not_ended");

        // The show: 3 chatters x 5 messages, one deleted by the streamer, a flash sale with a purchase.
        var sent = new List<string>();
        for (var c = 0; c < 3; c++)
        {
            await using var chatter = await node.ConnectAsync(await node.TokenAsync($"chatter-{c}-{id}", name: $"Chatter {c}"));
            await chatter.JoinAsync(room.RoomId);
            for (var i = 0; i < 5; i++)
            {
                sent.Add((await chatter.SendChatAsync(room.RoomId, $"message {c}.{i}")).GetProperty("messageId").GetString()!);
            }
        }

        await using (var streamer = await node.ConnectAsync(room.StreamerToken))
        {
            await streamer.JoinAsync(room.RoomId);
            await streamer.Connection.InvokeAsync("DeleteChat", room.RoomId, sent[4]);
        }

        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/flash-sales", room.StreamerToken,
            new { productId = scarf, quantity = 5, perUserLimit = 1, durationSeconds = 600, price = new { currency = "USD", amountMinor = 1500 } }));
        var liveBuyer = node.MintToken("live-buyer-" + id, name: "Terry");
        var liveOrder = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/orders", liveBuyer, new { productId = scarf, quantity = 1, idempotencyKey = "live" }));
        Assert.Equal(1500, liveOrder.GetProperty("unitPrice").GetProperty("amountMinor").GetInt64());
        Assert.Equal("live", liveOrder.GetProperty("source").GetString());
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/end", room.StreamerToken));

        // Pages of 4: every event once, in order.
        var events = await ReadAllAsync(node, room.RoomId, watcher, limit: 4);
        var chat = events.Where(e => e.Type == "chat").Select(e => e.Payload.GetProperty("messageId").GetString()!).ToList();
        Assert.Equal(sent.Where(m => m != sent[4]), chat);
        Assert.Equal(events.Count, events.Select(e => e.Type + e.Payload.GetRawText()).Distinct().Count());
        Assert.Equal(events.Select(e => e.OffsetMs).Order(), events.Select(e => e.OffsetMs));
        Assert.Contains(events, e => e.Type == "productPinned" && e.Payload.GetProperty("productId").GetString() == scarf && e.Payload.GetProperty("title").GetString() == "Silk scarf");
        Assert.Contains(events, e => e.Type == "showcase" && e.Payload.GetProperty("productIds").EnumerateArray().Select(p => p.GetString()).SequenceEqual([scarf, bag]));
        Assert.Contains(events, e => e.Type == "flashSale" && e.Payload.GetProperty("state").GetString() == "started");
        Assert.Contains(events, e => e.Type == "purchase" && e.Payload.GetProperty("buyer").GetString() == "T***y");
        Assert.Equal(("roomStatus", "ended"), (events[^1].Type, events[^1].Payload.GetProperty("status").GetString()));
        Assert.DoesNotContain(events, e => e.Type is "mute" or "moderators");

        // One page of everything says the same.
        var whole = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/replay", watcher));
        Assert.Equal(events.Count, whole.GetProperty("events").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next").ValueKind);

        // The watcher buys the bag from the replay: the regular price, the sale is over.
        var order = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/orders", watcher, new { productId = bag, quantity = 2, idempotencyKey = "from-replay" }));
        Assert.Equal("replay", order.GetProperty("source").GetString());
        Assert.Equal("reserved", order.GetProperty("status").GetString());
        Assert.Equal(2500, order.GetProperty("unitPrice").GetProperty("amountMinor").GetInt64());
        var scarfAfter = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/orders", watcher, new { productId = scarf, quantity = 1, idempotencyKey = "scarf-after" }));
        Assert.Equal(2500, scarfAfter.GetProperty("unitPrice").GetProperty("amountMinor").GetInt64());
        var orderId = order.GetProperty("orderId").GetString()!;
        Assert.Equal("paid", (await HttpAssert.Ok(node.NotifyAsync(orderId, "pay-" + orderId, "succeeded"))).GetProperty("status").GetString());
        Assert.Equal("replay", (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", watcher))).GetProperty("source").GetString());

        // A product the room never showed is not sold from its replay; the replay itself is unchanged by the order.
        var other = await node.ProductAsync(merchant, stock: 5, title: "Not shown");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/orders", watcher, new { productId = other, quantity = 1, idempotencyKey = "other" }), 404, "not_found");
        Assert.Equal(events.Count, (await ReadAllAsync(node, room.RoomId, watcher, limit: 500)).Count);

        // Watching the replay was a view of the room: the paid order is attributed to it.
        var report = await Eventually.Until(
            () => HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/report?currency=USD", merchant)),
            r => r.GetProperty("total").GetProperty("attributed").GetProperty("viewThrough").GetProperty("orders").GetInt64() == 1,
            "the replay order attributed to the room");
        Assert.Equal(5000, report.GetProperty("total").GetProperty("attributed").GetProperty("viewThrough").GetProperty("revenue").GetProperty("amountMinor").GetInt64());
    }

    [Fact]
    public async Task Bad_cursors_and_limits_are_refused_and_a_scheduled_room_sells_nothing()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var merchant = await node.TokenAsync("bad-replay-merchant", "merchant");
        var product = await node.ProductAsync(merchant, stock: 5);
        var scheduled = await node.LiveRoomAsync("Later", start: false);
        await node.PlaceAsync(scheduled, product, ProductPlacement.Showcase);
        var buyer = await node.TokenAsync("bad-replay-buyer");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/rooms/{scheduled.RoomId}/orders", buyer, new { productId = product, quantity = 1, idempotencyKey = "early" }), 409, "room_not_live");

        var room = await node.LiveRoomAsync("Short");
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/end", room.StreamerToken));
        foreach (var query in new[] { "limit=0", "limit=501", "after=abc", "after=-1", "after=99", "after=1.5" })
        {
            await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/replay?{query}", buyer), 400, "validation_failed");
        }

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/rooms/rnotaroom000000/replay", buyer), 404, "not_found");
        var (anonymous, _) = await node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/replay", token: null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<List<(long OffsetMs, string Type, JsonElement Payload)>> ReadAllAsync(ApiNode node, string roomId, string token, int limit)
    {
        var all = new List<(long, string, JsonElement)>();
        string? cursor = null;
        do
        {
            var page = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}/replay?limit={limit}" + (cursor is null ? "" : $"&after={cursor}"), token));
            var events = page.GetProperty("events").EnumerateArray().ToList();
            Assert.True(events.Count <= limit);
            all.AddRange(events.Select(e => (e.GetProperty("offsetMs").GetInt64(), e.GetProperty("type").GetString()!, e.GetProperty("payload"))));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.True(cursor is null || events.Count == limit, "a page short of the limit must be the last");
        }
        while (cursor is not null);
        return all;
    }
}

using Broadcart.Api.Relay;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Live;

/// <summary>Scale-out past two nodes: four API nodes on two silos, in this process on loopback.</summary>
public sealed class FourNodeFanoutTests
{
    [Fact]
    public async Task Viewers_on_four_nodes_see_every_message_once_in_order_and_the_room_calls_each_node_once_per_flush()
    {
        var clusterId = "four-" + Guid.NewGuid().ToString("N")[..8];
        var primary = Ports.Free();
        await using var silo1 = await TestSilo.StartAsync(clusterId, primary, Ports.Free(), primary);
        await using var silo2 = await TestSilo.StartAsync(clusterId, Ports.Free(), Ports.Free(), primary);
        var settings = ApiNode.DefaultSettings();
        settings["Orleans:Mode"] = "Client";
        settings["Orleans:ClusterId"] = clusterId;
        settings["Orleans:Membership"] = "Static";
        settings["Orleans:Gateways"] = $"127.0.0.1:{silo1.GatewayPort},127.0.0.1:{silo2.GatewayPort}";
        var nodes = new List<ApiNode>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                nodes.Add(await ApiNode.StartAsync(settings));
            }

            var (roomId, _) = await nodes[0].LiveRoomAsync();
            var viewers = new List<Viewer>();
            for (var i = 0; i < 12; i++)
            {
                var node = nodes[i % 4];
                var viewer = await node.ConnectAsync(await node.TokenAsync($"four-{i}-{roomId}"));
                await viewer.JoinAsync(roomId);
                viewers.Add(viewer);
            }

            var room = nodes[0].Services.GetRequiredService<IGrainFactory>().GetGrain<ILiveRoomGrain>(roomId);
            await Eventually.Until(room.GetDiagnostics, d => d.SubscribedNodes == 4, "all four nodes subscribed");
            var before = await QuietCountsAsync(room, nodes, roomId);

            // Two senders on two nodes, five messages each (the per-user limit), interleaved.
            for (var i = 0; i < 5; i++)
            {
                await viewers[0].SendChatAsync(roomId, $"from node 1: {i}");
                await viewers[3].SendChatAsync(roomId, $"from node 4: {i}");
            }

            foreach (var viewer in viewers)
            {
                await viewer.WaitUntil(v => v.Chat.Count >= 10, "ten messages");
            }

            // Drain with one more, then every viewer holds exactly 11, in seq order, each once.
            await viewers[5].SendChatAsync(roomId, "last");
            foreach (var viewer in viewers)
            {
                await viewer.WaitUntil(v => v.Chat.Any(c => c.Text == "last"), "the last message");
                Assert.Equal(Enumerable.Range(1, 11).Select(s => (long)s), viewer.Chat.Select(c => c.Seq));
            }

            // One call per node per flush: every node received each batch the room flushed once, none twice, none missed.
            var after = await QuietCountsAsync(room, nodes, roomId);
            var flushes = after.Room.BatchesFlushed - before.Room.BatchesFlushed;
            Assert.Equal(flushes, after.Room.LastBatchSeq - before.Room.LastBatchSeq);
            Assert.InRange(flushes, 1, 11 + 20);
            for (var i = 0; i < nodes.Count; i++)
            {
                Assert.Equal(flushes, after.Nodes[i].Received - before.Nodes[i].Received);
            }

            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    // The room flushes on its own too (viewer counts once a second): read when no batch is in
    // flight, that is when every node's replica has applied the room's last batch.
    private static async Task<(RoomDiagnostics Room, (long Received, long BatchSeq)[] Nodes)> QuietCountsAsync(ILiveRoomGrain room, IReadOnlyList<ApiNode> nodes, string roomId)
    {
        (RoomDiagnostics Room, (long Received, long BatchSeq)[] Nodes) counts = default;
        await Eventually.Until(
            async () =>
            {
                var diagnostics = await room.GetDiagnostics();
                counts = (diagnostics, [.. nodes.Select(n => n.Services.GetRequiredService<NodeRooms>().Find(roomId)?.DeliveryCounts() ?? (-1, -1))]);
                return counts;
            },
            c => c.Nodes.All(n => n.BatchSeq == c.Room.LastBatchSeq),
            "every node to have applied the room's last batch");
        return counts;
    }
}

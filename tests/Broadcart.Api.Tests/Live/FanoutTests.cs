using System.Diagnostics;
using Broadcart.Api.Relay;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Live;

[Collection(LiveClusterCollection.Name)]
public sealed class FanoutTests(LiveCluster cluster)
{
    [Fact]
    public async Task Chat_sent_on_one_node_reaches_viewers_on_both_nodes_once_each_in_seq_order()
    {
        var (roomId, _) = await cluster.NodeA.LiveRoomAsync();
        var viewers = new List<Viewer>();
        foreach (var (node, name) in new[] { (cluster.NodeA, "a1"), (cluster.NodeA, "a2"), (cluster.NodeB, "b1"), (cluster.NodeB, "b2") })
        {
            var viewer = await node.ConnectAsync(await node.TokenAsync($"{name}-{roomId}"));
            await viewer.JoinAsync(roomId);
            viewers.Add(viewer);
        }

        // Two senders, one per node, five each (the per-user chat limit).
        for (var i = 0; i < 5; i++)
        {
            await viewers[0].SendChatAsync(roomId, $"from A {i}");
            await viewers[2].SendChatAsync(roomId, $"from B {i}");
        }

        foreach (var viewer in viewers)
        {
            await viewer.WaitUntil(v => v.Chat.Count >= 10, "10 chat messages");
            var seqs = viewer.Chat.Select(c => c.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), seqs);
        }

        // Nothing more arrives later: drain by sending one last message and awaiting it.
        await viewers[1].SendChatAsync(roomId, "last");
        foreach (var viewer in viewers)
        {
            await viewer.WaitUntil(v => v.Chat.Any(c => c.Text == "last"), "the last message");
            Assert.Equal(11, viewer.Chat.Count);
            await viewer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Viewer_count_sums_both_nodes_and_a_node_that_stops_heartbeating_drops_out()
    {
        var (roomId, token) = await cluster.NodeA.LiveRoomAsync();
        var viewers = new List<Viewer>();
        for (var i = 0; i < 5; i++)
        {
            var node = i < 2 ? cluster.NodeA : cluster.NodeB;
            var viewer = await node.ConnectAsync(await node.TokenAsync($"count-{i}-{roomId}"));
            await viewer.JoinAsync(roomId);
            viewers.Add(viewer);
        }

        static int? LastCount(Viewer v) => v.EventsNamed("viewers").Select(e => e.GetProperty("count").GetInt32()).Cast<int?>().LastOrDefault();
        await viewers[0].WaitUntil(v => LastCount(v) == 5, "viewer count 5 on node A");
        await viewers[4].WaitUntil(v => LastCount(v) == 5, "viewer count 5 on node B");
        Assert.Equal(5, (await cluster.RoomAsync(roomId, token)).GetProperty("viewerCount").GetInt32());

        // A third node reports 4 viewers once, with a 1 s heartbeat, and then goes silent.
        var ghost = cluster.Grains.CreateObjectReference<IRoomRelay>(new RoomRelay(_ => null));
        await cluster.Grains.GetGrain<ILiveRoomGrain>(roomId).Subscribe(new NodeSubscription("ghost-node", ghost, 4, TimeSpan.FromSeconds(1)));
        await viewers[0].WaitUntil(v => LastCount(v) == 9, "viewer count 9 with the ghost node");
        await viewers[0].WaitUntil(v => LastCount(v) == 5, "the ghost node dropped after three missed heartbeats");
        Assert.Equal(5, (await cluster.RoomAsync(roomId, token)).GetProperty("viewerCount").GetInt32());

        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_thousand_viewers_joining_through_one_node_cost_the_room_a_bounded_number_of_calls()
    {
        const int crowd = 1000;
        var (roomId, _) = await cluster.NodeA.LiveRoomAsync();
        var first = await cluster.NodeA.ConnectAsync(await cluster.NodeA.TokenAsync($"first-{roomId}"));
        await first.JoinAsync(roomId);
        var before = await cluster.DiagnosticsAsync(roomId);

        // One user each: a node holds only a few connections per user.
        var tokens = Enumerable.Range(0, crowd).Select(i => cluster.NodeA.MintToken($"crowd-{i}-{roomId}")).ToArray();
        var clock = Stopwatch.StartNew();
        var viewers = new Viewer[crowd];
        await Parallel.ForEachAsync(Enumerable.Range(0, crowd), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            viewers[i] = await cluster.NodeA.ConnectAsync(tokens[i]);
            await viewers[i].JoinAsync(roomId);
        });
        await first.WaitUntil(
            v => v.EventsNamed("viewers").Any(e => e.GetProperty("count").GetInt32() == crowd + 1),
            "the whole crowd counted",
            TimeSpan.FromSeconds(60));
        var elapsed = clock.Elapsed;
        var after = await cluster.DiagnosticsAsync(roomId);

        // The node reports at most once per report interval (250 ms), whatever the number of joins;
        // +2 for the diagnostics call and a heartbeat racing the last tick.
        var calls = after.CallsReceived - before.CallsReceived;
        var ticks = (long)Math.Ceiling(elapsed / TimeSpan.FromMilliseconds(250));
        Assert.True(calls <= ticks + 2, $"{calls} room calls for {crowd} joins over {elapsed.TotalSeconds:0.0} s ({ticks} report ticks)");
        Assert.True(calls < crowd / 10, $"{calls} room calls for {crowd} joins");

        await Task.WhenAll(viewers.Select(v => v.DisposeAsync().AsTask()));
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Chat_posted_while_the_room_had_lost_a_node_reaches_that_nodes_viewers_once_it_is_back()
    {
        var (roomId, streamerToken) = await cluster.NodeA.LiveRoomAsync();
        var streamer = await cluster.NodeA.ConnectAsync(streamerToken);
        await streamer.JoinAsync(roomId);
        var viewer = await cluster.NodeB.ConnectAsync(await cluster.NodeB.TokenAsync($"lapsed-{roomId}"));
        await viewer.JoinAsync(roomId);
        var room = cluster.Grains.GetGrain<ILiveRoomGrain>(roomId);
        var nodeB = cluster.NodeB.Services.GetRequiredService<NodeIdentity>().Id;

        // What a silo crash or missed heartbeats do: the room forgets node B until B's next heartbeat.
        // B's heartbeat may win the race to the room, so repeat until a message was provably posted
        // while B was away (the room still had one node after posting it).
        var sent = new List<long>();
        long? postedWhileAway = null;
        for (var attempt = 0; attempt < 5 && postedWhileAway is null; attempt++)
        {
            await room.Unsubscribe(nodeB);
            var seq = (await streamer.SendChatAsync(roomId, $"while B was away {attempt}")).GetProperty("seq").GetInt64();
            sent.Add(seq);
            if ((await room.GetDiagnostics()).SubscribedNodes == 1)
            {
                postedWhileAway = seq;
            }
        }

        Assert.NotNull(postedWhileAway);
        await viewer.WaitUntil(v => v.Chat.Any(c => c.Seq == postedWhileAway), "the message posted while node B was away");
        sent.Add((await streamer.SendChatAsync(roomId, "after")).GetProperty("seq").GetInt64());
        await viewer.WaitUntil(v => v.Chat.Any(c => c.Text == "after"), "the message after node B was back");

        var received = viewer.Chat.Select(c => c.Seq).ToList();
        Assert.Equal(received.Distinct().Count(), received.Count);
        Assert.Equal(sent, received.Order());
        await viewer.DisposeAsync();
        await streamer.DisposeAsync();
    }

    [Fact]
    public async Task A_reconnecting_viewer_fills_its_gap_from_JoinRoom_without_duplicates()
    {
        var (roomId, streamerToken) = await cluster.NodeA.LiveRoomAsync();
        var streamer = await cluster.NodeA.ConnectAsync(streamerToken);
        await streamer.JoinAsync(roomId);
        var token = await cluster.NodeB.TokenAsync($"returning-{roomId}");
        var viewer = await cluster.NodeB.ConnectAsync(token);
        await viewer.JoinAsync(roomId);

        for (var i = 1; i <= 3; i++)
        {
            await streamer.SendChatAsync(roomId, $"before {i}");
        }

        await viewer.WaitUntil(v => v.Chat.Count == 3, "three messages before the drop");
        var seen = viewer.Chat.ToDictionary(c => c.Seq);
        await viewer.DisposeAsync();

        for (var i = 1; i <= 3; i++)
        {
            await streamer.SendChatAsync(roomId, $"during {i}");
        }

        var back = await cluster.NodeB.ConnectAsync(token);
        var joined = await back.JoinAsync(roomId);
        var recent = joined.GetProperty("recentChat").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).ToList();
        await streamer.SendChatAsync(roomId, "after");
        await back.WaitUntil(v => v.Chat.Any(c => c.Text == "after"), "the message after rejoining");

        // A message in flight while the client rejoins can come both in recentChat and live: the
        // protocol has clients merge by seq. What must hold is no gap, and no message twice in the
        // live stream itself.
        var live = back.Chat.Select(c => c.Seq).ToList();
        Assert.Equal(live.Distinct().Count(), live.Count);
        Assert.Equal(live.Order(), live);
        var merged = seen.Keys.Union(recent).Union(live).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), merged);
        Assert.Contains(7L, live);
        await back.DisposeAsync();
        await streamer.DisposeAsync();
    }
}

using System.Net.Sockets;
using Broadcart.Api.Live;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Live;

public sealed class SlowViewerTests
{
    [Fact]
    public async Task A_viewer_that_stops_reading_holds_nobody_back_is_closed_and_fills_its_gap_by_seq_on_rejoin()
    {
        // Small socket and connection buffers, so that a stalled reader shows within a few messages.
        await using var node = await EmbeddedNode.StartAsync(
            new Dictionary<string, string?>
            {
                ["Relay:SlowViewerTimeout"] = "00:00:01",
                ["Hub:TransportMaxBufferSize"] = "1024",
            },
            builder =>
            {
                builder.WebHost.ConfigureKestrel(k => k.Limits.MaxResponseBufferSize = 1024);
                builder.WebHost.UseSockets(o => o.CreateBoundListenSocket = endpoint =>
                {
                    var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    socket.SendBufferSize = 1024;
                    return socket;
                });
            });
        var streamerToken = node.MintToken("slow-streamer", "streamer");
        var (roomId, _) = await node.LiveRoomAsync("Stalled sockets", streamerToken: streamerToken);

        await using var reader = await node.ConnectAsync(node.MintToken("keeps-reading"));
        await reader.JoinAsync(roomId);
        var stalledToken = node.MintToken("stops-reading");
        var stalled = await StalledViewer.JoinAsync(node.BaseUrl, stalledToken, roomId);
        await using var streamer = await node.ConnectAsync(streamerToken);
        await streamer.JoinAsync(roomId);
        var connections = node.Services.GetRequiredService<LiveConnections>();
        Assert.Equal(3, connections.All.Count());

        // The streamer chats five times a second until the server closes the stalled connection.
        // (What was in flight to it is lost to it: the buffers are small here so that this stays
        // within the 50 messages of recent chat a rejoin brings.)
        // Chinese text: each character travels as six bytes of escaped JSON, so few messages fill the buffers.
        var text = new string('货', 480);
        var sent = 0;
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (connections.All.Any(v => v.Actor.UserId == "stops-reading"))
        {
            Assert.True(sent < 300, "the stalled connection was never closed");
            await streamer.SendChatAsync(roomId, $"{sent++} {text}");
            await pace.WaitForNextTickAsync();
        }

        // Nobody else waited for it: the reading viewer has everything, once each, in order.
        await reader.WaitUntil(v => v.Chat.Count >= sent, $"{sent} messages at the reading viewer");
        Assert.Equal(Enumerable.Range(1, sent).Select(i => (long)i), reader.Chat.Select(c => c.Seq));

        // What reached the stalled socket before the server closed it is in order.
        await stalled.DrainAsync();
        await stalled.DisposeAsync();
        var before = stalled.Seqs;
        Assert.True(before.Count < sent, $"the stalled viewer read {before.Count} of {sent}: it was never behind");
        Assert.Equal(Enumerable.Range(1, before.Count).Select(i => (long)i), before);

        // It comes back and merges recent chat by seq: no gap, and nothing twice afterwards.
        await using var back = await node.ConnectAsync(stalledToken);
        var join = await back.JoinAsync(roomId);
        var recent = join.GetProperty("recentChat").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).ToList();
        var merged = before.Union(recent).Order().ToList();
        Assert.Equal(Enumerable.Range(1, sent).Select(i => (long)i), merged);
        await streamer.SendChatAsync(roomId, "after the rejoin");
        await back.WaitUntil(v => v.Chat.Any(c => c.Text == "after the rejoin"), "chat after the rejoin");
        Assert.Equal([(long)sent + 1], back.Chat.Select(c => c.Seq));
    }
}

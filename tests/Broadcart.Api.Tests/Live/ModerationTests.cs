using Microsoft.AspNetCore.SignalR;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Live;

[Collection(LiveClusterCollection.Name)]
public sealed class ModerationTests(LiveCluster cluster)
{
    private async Task<(string RoomId, string StreamerToken, Viewer Streamer)> RoomWithStreamerAsync()
    {
        var (roomId, token) = await cluster.NodeA.LiveRoomAsync();
        var streamer = await cluster.NodeA.ConnectAsync(token);
        await streamer.JoinAsync(roomId);
        return (roomId, token, streamer);
    }

    private async Task<Viewer> JoinAsync(ApiNode node, string roomId, string userId, string role = "viewer")
    {
        var viewer = await node.ConnectAsync(await node.TokenAsync(userId, role));
        await viewer.JoinAsync(roomId);
        return viewer;
    }

    private async Task<long> ChatSeqAsync(string roomId, string token) =>
        (await cluster.RoomAsync(roomId, token)).GetProperty("chatSeq").GetInt64();

    [Fact]
    public async Task A_muted_viewer_is_told_the_seconds_left_and_their_message_goes_nowhere()
    {
        var (roomId, token, streamer) = await RoomWithStreamerAsync();
        var viewerId = $"loud-{roomId}";
        var viewer = await JoinAsync(cluster.NodeB, roomId, viewerId);
        var other = await JoinAsync(cluster.NodeB, roomId, $"other-{roomId}");

        await HubAssert.Refused("forbidden", () => other.Connection.InvokeAsync("MuteUser", roomId, viewerId, 60));
        await streamer.Connection.InvokeAsync("MuteUser", roomId, viewerId, 60);

        var before = await ChatSeqAsync(roomId, token);
        var message = await HubAssert.Refused("muted", () => viewer.SendChatAsync(roomId, "hello?"));
        Assert.Matches("muted: you are muted for (59|60) more seconds", message);
        Assert.Equal(before, await ChatSeqAsync(roomId, token));

        await other.SendChatAsync(roomId, "I am not muted");
        await viewer.WaitUntil(v => v.Chat.Any(c => c.Text == "I am not muted"), "the other viewer's message");
        Assert.DoesNotContain(viewer.Chat, c => c.Text == "hello?");
    }

    [Fact]
    public async Task A_deleted_message_is_withdrawn_from_every_viewer_and_from_recent_chat()
    {
        var (roomId, _, streamer) = await RoomWithStreamerAsync();
        var viewer = await JoinAsync(cluster.NodeB, roomId, $"v-{roomId}");
        var ack = await viewer.SendChatAsync(roomId, "something to regret");
        var messageId = ack.GetProperty("messageId").GetString()!;

        await HubAssert.Refused("forbidden", () => viewer.Connection.InvokeAsync("DeleteChat", roomId, messageId));
        await HubAssert.Refused("not_found", () => streamer.Connection.InvokeAsync("DeleteChat", roomId, "no-such-message"));
        await streamer.Connection.InvokeAsync("DeleteChat", roomId, messageId);

        await viewer.WaitUntil(v => v.EventsNamed("chatDeleted").Any(e => e.GetProperty("messageId").GetString() == messageId), "chatDeleted on node B");
        await streamer.WaitUntil(v => v.EventsNamed("chatDeleted").Any(e => e.GetProperty("messageId").GetString() == messageId), "chatDeleted on node A");
        var late = await cluster.NodeB.ConnectAsync(await cluster.NodeB.TokenAsync($"late-{roomId}"));
        var joined = await late.JoinAsync(roomId);
        Assert.DoesNotContain(joined.GetProperty("recentChat").EnumerateArray(), m => m.GetProperty("messageId").GetString() == messageId);
    }

    [Fact]
    public async Task Slow_mode_holds_viewers_back_but_not_the_streamer()
    {
        var (roomId, token, streamer) = await RoomWithStreamerAsync();
        var viewer = await JoinAsync(cluster.NodeB, roomId, $"v-{roomId}");

        await HubAssert.Refused("forbidden", () => viewer.Connection.InvokeAsync("SetSlowMode", roomId, 30));
        await HubAssert.Refused("validation_failed", () => streamer.Connection.InvokeAsync("SetSlowMode", roomId, -1));
        await streamer.Connection.InvokeAsync("SetSlowMode", roomId, 30);
        await viewer.WaitUntil(v => v.EventsNamed("slowMode").Any(e => e.GetProperty("seconds").GetInt32() == 30), "slowMode event");

        await viewer.SendChatAsync(roomId, "first");
        var before = await ChatSeqAsync(roomId, token);
        await HubAssert.Refused("slow_mode", () => viewer.SendChatAsync(roomId, "second"));
        Assert.Equal(before, await ChatSeqAsync(roomId, token));
        await streamer.SendChatAsync(roomId, "streamer one");
        await streamer.SendChatAsync(roomId, "streamer two");
        Assert.Equal(before + 2, await ChatSeqAsync(roomId, token));
    }

    [Fact]
    public async Task The_chat_rate_limit_refuses_the_sixth_message_in_five_seconds_but_not_moderators_or_the_streamer()
    {
        var (roomId, token, streamer) = await RoomWithStreamerAsync();
        var viewer = await JoinAsync(cluster.NodeB, roomId, $"chatty-{roomId}");
        var moderator = await JoinAsync(cluster.NodeB, roomId, $"mod-{roomId}", "moderator");

        for (var i = 0; i < 5; i++)
        {
            await viewer.SendChatAsync(roomId, $"message {i}");
        }

        var before = await ChatSeqAsync(roomId, token);
        await HubAssert.Refused("rate_limited", () => viewer.SendChatAsync(roomId, "one too many"));
        Assert.Equal(before, await ChatSeqAsync(roomId, token));

        for (var i = 0; i < 8; i++)
        {
            await moderator.SendChatAsync(roomId, $"mod {i}");
            await streamer.SendChatAsync(roomId, $"streamer {i}");
        }

        Assert.Equal(before + 16, await ChatSeqAsync(roomId, token));
    }

    [Fact]
    public async Task The_chat_limit_holds_for_a_user_chatting_through_both_nodes()
    {
        var (roomId, token, _) = await RoomWithStreamerAsync();
        var userId = $"two-tabs-{roomId}";
        var onA = await JoinAsync(cluster.NodeA, roomId, userId);
        var onB = await JoinAsync(cluster.NodeB, roomId, userId);

        // Three through one node and two through the other: each node alone would allow five more.
        for (var i = 0; i < 3; i++)
        {
            await onA.SendChatAsync(roomId, $"from A {i}");
        }

        for (var i = 0; i < 2; i++)
        {
            await onB.SendChatAsync(roomId, $"from B {i}");
        }

        var before = await ChatSeqAsync(roomId, token);
        await HubAssert.Refused("rate_limited", () => onA.SendChatAsync(roomId, "sixth through A"));
        await HubAssert.Refused("rate_limited", () => onB.SendChatAsync(roomId, "sixth through B"));
        Assert.Equal(before, await ChatSeqAsync(roomId, token));
    }

    [Fact]
    public async Task A_mute_ends_on_time_and_the_viewer_may_chat_again()
    {
        var (roomId, token, streamer) = await RoomWithStreamerAsync();
        var viewerId = $"briefly-muted-{roomId}";
        var viewer = await JoinAsync(cluster.NodeB, roomId, viewerId);

        var mutedAt = DateTimeOffset.UtcNow;
        await streamer.Connection.InvokeAsync("MuteUser", roomId, viewerId, 2);
        await HubAssert.Refused("muted", () => viewer.SendChatAsync(roomId, "too soon"));

        // Probed once a second: every attempt, refused or not, costs a permit of the chat limit.
        JsonElement? ack = null;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (ack is null)
        {
            try
            {
                ack = await viewer.SendChatAsync(roomId, "back again");
            }
            catch (HubException e) when (e.Message.Contains("muted: ", StringComparison.Ordinal) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        Assert.True(DateTimeOffset.UtcNow - mutedAt >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(50), "the mute ended early");
        Assert.Equal(ack!.Value.GetProperty("seq").GetInt64(), await ChatSeqAsync(roomId, token));
    }

    [Fact]
    public async Task A_moderator_the_streamer_appoints_moderates_that_room_only_until_dismissed()
    {
        var (roomId, token, streamer) = await RoomWithStreamerAsync();
        var (otherRoomId, _) = await cluster.NodeA.LiveRoomAsync();
        var helperId = $"helper-{roomId}";
        var helperToken = await cluster.NodeB.TokenAsync(helperId);
        var loudId = $"loud-{roomId}";
        var loud = await JoinAsync(cluster.NodeB, roomId, loudId);
        var path = $"/api/rooms/{roomId}/moderators/{helperId}";

        await HttpAssert.Problem(cluster.NodeA.SendAsync(HttpMethod.Post, path, helperToken), 403, "forbidden");
        await HttpAssert.Problem(cluster.NodeA.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/moderators/bad%20id", token), 400, "validation_failed");
        var appointed = await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Post, path, token));
        Assert.Equal([helperId], appointed.GetProperty("moderators").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(appointed.ToString(), (await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Post, path, token))).ToString());

        // Node B learns it from the room: a join there shows the moderator, and the node's chat limit spares them.
        var helper = await cluster.NodeB.ConnectAsync(helperToken);
        await Eventually.Until(async () => (await helper.JoinAsync(roomId)).GetProperty("moderators").EnumerateArray().Count(), n => n == 1, "node B's replica to know the moderator");
        for (var i = 0; i < 8; i++)
        {
            await helper.SendChatAsync(roomId, $"helper {i}");
        }

        await helper.Connection.InvokeAsync("SetSlowMode", roomId, 10);
        await helper.Connection.InvokeAsync("MuteUser", roomId, loudId, 60);
        await HubAssert.Refused("muted", () => loud.SendChatAsync(roomId, "hello?"));
        await HubAssert.Refused("forbidden", () => loud.Connection.InvokeAsync("MuteUser", roomId, helperId, 60));
        await HubAssert.Refused("validation_failed", () => streamer.Connection.InvokeAsync("MuteUser", roomId, helperId, 60));
        await helper.JoinAsync(otherRoomId);
        await HubAssert.Refused("forbidden", () => helper.Connection.InvokeAsync("SetSlowMode", otherRoomId, 10));

        var dismissed = await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Delete, path, token));
        Assert.Empty(dismissed.GetProperty("moderators").EnumerateArray());
        await HubAssert.Refused("forbidden", () => helper.Connection.InvokeAsync("SetSlowMode", roomId, 0));
        Assert.Empty((await cluster.RoomAsync(roomId, token)).GetProperty("moderators").EnumerateArray());
    }

    [Fact]
    public async Task Bad_chat_input_is_refused_with_a_code_and_changes_nothing()
    {
        var (roomId, token) = await cluster.NodeA.LiveRoomAsync();
        var viewer = await JoinAsync(cluster.NodeA, roomId, $"v-{roomId}");
        var before = await ChatSeqAsync(roomId, token);

        await HubAssert.Refused("validation_failed", () => viewer.SendChatAsync(roomId, ""));
        await HubAssert.Refused("validation_failed", () => viewer.SendChatAsync(roomId, "   \t  "));
        await HubAssert.Refused("validation_failed", () => viewer.SendChatAsync(roomId, new string('x', 501)));
        await HubAssert.Refused("validation_failed", () => viewer.SendChatAsync(roomId, "zero\u0000byte"));
        await HubAssert.Refused("validation_failed", () => viewer.SendChatAsync("../etc", "hi"));
        await HubAssert.Refused("not_joined", () => viewer.SendChatAsync("some-other-room", "hi"));
        await HubAssert.Refused("not_found", () => viewer.JoinAsync("no-such-room"));
        await HubAssert.Refused("forbidden", () => viewer.Connection.InvokeAsync("MuteUser", roomId, "x", 60));
        var streamer = await cluster.NodeA.ConnectAsync(token);
        await HubAssert.Refused("validation_failed", () => streamer.Connection.InvokeAsync("MuteUser", roomId, $"v-{roomId}", 0));
        await HubAssert.Refused("validation_failed", () => streamer.Connection.InvokeAsync("MuteUser", roomId, $"v-{roomId}", 86_401));
        Assert.Equal(before, await ChatSeqAsync(roomId, token));

        var (scheduled, scheduledToken) = await cluster.NodeA.LiveRoomAsync(start: false);
        var early = await JoinAsync(cluster.NodeB, scheduled, $"early-{scheduled}");
        await HubAssert.Refused("room_not_live", () => early.SendChatAsync(scheduled, "too early"));
        await HubAssert.Refused("room_not_live", () => early.Connection.InvokeAsync("Like", scheduled));
        Assert.Equal(0, await ChatSeqAsync(scheduled, scheduledToken));
    }

    [Fact]
    public async Task Likes_are_counted_at_the_nodes_and_summed_by_the_room()
    {
        var (roomId, token, streamer) = await RoomWithStreamerAsync();
        var onA = await JoinAsync(cluster.NodeA, roomId, $"la-{roomId}");
        var onB = await JoinAsync(cluster.NodeB, roomId, $"lb-{roomId}");
        for (var i = 0; i < 7; i++)
        {
            await onA.Connection.InvokeAsync("Like", roomId);
            await onB.Connection.InvokeAsync("Like", roomId);
        }

        await streamer.WaitUntil(v => v.EventsNamed("likes").Any(e => e.GetProperty("total").GetInt64() == 14), "likes total 14");
        Assert.Equal(14, (await cluster.RoomAsync(roomId, token)).GetProperty("likes").GetInt64());
    }
}

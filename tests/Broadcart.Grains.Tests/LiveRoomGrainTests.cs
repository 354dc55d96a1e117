using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LiveRoomGrainTests(ClusterFixture fixture)
{
    private static readonly Actor Streamer = Actors.Viewer("streamer-1");

    private async Task<ILiveRoomGrain> LiveRoom()
    {
        var room = fixture.Grains.GetGrain<ILiveRoomGrain>(Actors.NewRoomId());
        await room.Create(new CreateRoom("Night market", "en", "HK", null, Streamer));
        await room.Start(Streamer);
        return room;
    }

    private async Task<RecordingRelay> Subscribe(ILiveRoomGrain room, string nodeId, int viewers = 1, TimeSpan? heartbeat = null)
    {
        var relay = new RecordingRelay();
        var reference = fixture.Grains.CreateObjectReference<IRoomRelay>(relay);
        await room.Subscribe(new NodeSubscription(nodeId, reference, viewers, heartbeat ?? TimeSpan.FromMinutes(1)));
        return relay;
    }

    [Fact]
    public async Task A_room_goes_from_scheduled_to_live_to_ended_and_only_its_streamer_may_move_it()
    {
        var room = fixture.Grains.GetGrain<ILiveRoomGrain>(Actors.NewRoomId());
        var created = await room.Create(new CreateRoom("Night market", "en", "HK", "m-1", Streamer));
        Assert.Equal(RoomStatus.Scheduled, created.Status);
        Assert.Equal("m-1", created.MerchantId);

        var refused = await Assert.ThrowsAsync<BroadcartException>(() => room.Start(Actors.Viewer("someone-else")));
        Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        Assert.Equal(RoomStatus.Scheduled, (await room.GetSnapshot()).Status);

        Assert.Equal(RoomStatus.Live, (await room.Start(Streamer)).Status);
        Assert.Equal(RoomStatus.Ended, (await room.End(Streamer)).Status);
        var again = await Assert.ThrowsAsync<BroadcartException>(() => room.Start(Streamer));
        Assert.Equal(ErrorCodes.RoomEnded, again.Code);
    }

    [Fact]
    public async Task A_missing_room_is_not_found_and_bad_rooms_are_refused()
    {
        var missing = await Assert.ThrowsAsync<BroadcartException>(() => fixture.Grains.GetGrain<ILiveRoomGrain>(Actors.NewRoomId()).GetSnapshot());
        Assert.Equal(ErrorCodes.NotFound, missing.Code);

        var room = fixture.Grains.GetGrain<ILiveRoomGrain>(Actors.NewRoomId());
        var badRegion = await Assert.ThrowsAsync<BroadcartException>(() => room.Create(new CreateRoom("t", "en", "XX", null, Streamer)));
        Assert.Equal(ErrorCodes.ValidationFailed, badRegion.Code);
        var badTitle = await Assert.ThrowsAsync<BroadcartException>(() => room.Create(new CreateRoom(" ", "en", "US", null, Streamer)));
        Assert.Equal(ErrorCodes.ValidationFailed, badTitle.Code);
        await Assert.ThrowsAsync<BroadcartException>(() => room.GetSnapshot());
    }

    [Fact]
    public async Task Chat_is_numbered_in_order_and_reaches_a_subscribed_node_in_few_batches()
    {
        var room = await LiveRoom();
        var relay = await Subscribe(room, "node-a");

        var acks = new List<ChatAck>();
        var sends = Enumerable.Range(1, 20).Select(i => room.SendChat(Actors.Viewer($"v{i}"), $"hello {i}")).ToList();
        foreach (var send in sends)
        {
            acks.Add(await send);
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), acks.Select(a => a.Seq).Order());
        await relay.WaitUntil(events => events.OfType<ChatPosted>().Count() == 20);
        var posted = relay.Events.OfType<ChatPosted>().Select(p => p.Message.Seq).ToList();
        Assert.Equal(posted.Order(), posted);
        Assert.True(relay.Batches.Count < 20, $"20 messages sent at once arrived in {relay.Batches.Count} batches");
        Assert.Equal(relay.Batches.Select(b => b.BatchSeq), relay.Batches.Select(b => b.BatchSeq).Order());
    }

    [Fact]
    public async Task Chat_is_refused_with_a_code_and_changes_nothing()
    {
        var room = fixture.Grains.GetGrain<ILiveRoomGrain>(Actors.NewRoomId());
        await room.Create(new CreateRoom("Soon", "en", "US", null, Streamer));
        var notLive = await Assert.ThrowsAsync<BroadcartException>(() => room.SendChat(Actors.Viewer("v1"), "hi"));
        Assert.Equal(ErrorCodes.RoomNotLive, notLive.Code);

        await room.Start(Streamer);
        foreach (var bad in new[] { "", "   ", new string('x', 501), "bell\u0007" })
        {
            var refused = await Assert.ThrowsAsync<BroadcartException>(() => room.SendChat(Actors.Viewer("v1"), bad));
            Assert.Equal(ErrorCodes.ValidationFailed, refused.Code);
        }

        Assert.Equal(0, (await room.GetSnapshot()).ChatSeq);
        var ok = await room.SendChat(Actors.Viewer("v1"), "  " + new string('y', 500) + "  ");
        Assert.Equal(1, ok.Seq);
    }

    [Fact]
    public async Task A_muted_user_is_told_how_long_and_only_moderators_may_mute()
    {
        var room = await LiveRoom();
        var forbidden = await Assert.ThrowsAsync<BroadcartException>(() => room.MuteUser(Actors.Viewer("v2"), "v1", 60));
        Assert.Equal(ErrorCodes.Forbidden, forbidden.Code);

        await room.MuteUser(Actors.Moderator("mod"), "v1", 60);
        var muted = await Assert.ThrowsAsync<BroadcartException>(() => room.SendChat(Actors.Viewer("v1"), "let me speak"));
        Assert.Equal(ErrorCodes.Muted, muted.Code);
        Assert.Matches(@"you are muted for (59|60) more seconds", muted.Message);
        Assert.Equal(0, (await room.GetSnapshot()).ChatSeq);
        Assert.Equal(1, (await room.SendChat(Actors.Viewer("v2"), "I can")).Seq);
    }

    [Fact]
    public async Task Slow_mode_holds_viewers_back_but_not_the_streamer()
    {
        var room = await LiveRoom();
        var relay = await Subscribe(room, "node-a");
        await room.SetSlowMode(Streamer, 30);
        await room.SendChat(Actors.Viewer("v1"), "first");
        var slow = await Assert.ThrowsAsync<BroadcartException>(() => room.SendChat(Actors.Viewer("v1"), "second"));
        Assert.Equal(ErrorCodes.SlowMode, slow.Code);
        await room.SendChat(Streamer, "one");
        await room.SendChat(Streamer, "two");
        Assert.Equal(3, (await room.GetSnapshot()).ChatSeq);
        await relay.WaitUntil(events => events.OfType<SlowModeChanged>().Any(e => e.Seconds == 30));
    }

    [Fact]
    public async Task A_deleted_message_leaves_recent_chat_and_nodes_are_told()
    {
        var room = await LiveRoom();
        var relay = await Subscribe(room, "node-a");
        var keep = await room.SendChat(Actors.Viewer("v1"), "keep me");
        var drop = await room.SendChat(Actors.Viewer("v2"), "drop me");

        var forbidden = await Assert.ThrowsAsync<BroadcartException>(() => room.DeleteChat(Actors.Viewer("v1"), drop.MessageId));
        Assert.Equal(ErrorCodes.Forbidden, forbidden.Code);
        await room.DeleteChat(Streamer, drop.MessageId);

        await relay.WaitUntil(events => events.OfType<ChatRemoved>().Any(e => e.MessageId == drop.MessageId));
        var sync = await room.Subscribe(new NodeSubscription("node-b", fixture.Grains.CreateObjectReference<IRoomRelay>(new RecordingRelay()), 0, TimeSpan.FromMinutes(1)));
        Assert.Equal([keep.MessageId], sync!.RecentChat.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Viewer_counts_sum_the_nodes_and_a_silent_node_is_dropped_after_three_heartbeats()
    {
        var room = await LiveRoom();
        var steady = await Subscribe(room, "steady", viewers: 3);
        await Subscribe(room, "flaky", viewers: 7, heartbeat: TimeSpan.FromMilliseconds(300));
        Assert.Equal(10, (await room.GetSnapshot()).ViewerCount);

        // "flaky" never reports again: after 3 x 300 ms the room drops it and tells the others.
        await steady.WaitUntil(events => events.OfType<ViewersChanged>().LastOrDefault()?.Count == 3);
        Assert.Equal(3, (await room.GetSnapshot()).ViewerCount);
        Assert.Equal(1, (await room.GetDiagnostics()).SubscribedNodes);
    }

    [Fact]
    public async Task Likes_reported_by_nodes_add_up_to_one_total()
    {
        var room = await LiveRoom();
        var relay = await Subscribe(room, "a");
        Assert.False(await room.Report(new NodeReport("b", 1, 1000)), "a node the room does not know is told to subscribe, and its likes are not counted");
        await Subscribe(room, "b");
        Assert.True(await room.Report(new NodeReport("b", 1, 40)));
        Assert.True(await room.Report(new NodeReport("b", 1, 2)));
        await relay.WaitUntil(events => events.OfType<LikesChanged>().LastOrDefault()?.Total == 42);
        Assert.Equal(42, (await room.GetSnapshot()).Likes);
    }

    [Fact]
    public async Task Chat_and_its_numbering_survive_deactivation()
    {
        var room = await LiveRoom();
        await room.SendChat(Actors.Viewer("v1"), "one");
        await room.SendChat(Actors.Viewer("v1"), "two");

        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);

        var next = await room.SendChat(Actors.Viewer("v1"), "three");
        Assert.Equal(3, next.Seq);
        Assert.Equal(2, (await room.GetDiagnostics()).CallsReceived); // a fresh activation: SendChat and this call

        var sync = await room.Subscribe(new NodeSubscription("n", fixture.Grains.CreateObjectReference<IRoomRelay>(new RecordingRelay()), 0, TimeSpan.FromMinutes(1)));
        Assert.Equal(["one", "two", "three"], sync!.RecentChat.Select(m => m.Text));
    }
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Rooms;

public sealed class ChatLogTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Messages_are_numbered_in_order_and_only_the_latest_are_kept()
    {
        var state = new LiveRoomState();
        var log = new ChatLog(state, kept: 3);
        var seqs = Enumerable.Range(1, 5).Select(i => log.Append("r1", Actors.Viewer("u1"), $"hello {i}", At).Seq).ToList();

        Assert.Equal([1L, 2, 3, 4, 5], seqs);
        Assert.Equal(5, log.LastSeq);
        Assert.Equal(["hello 3", "hello 4", "hello 5"], state.RecentChat.Select(m => m.Text));
        Assert.Equal(["hello 4", "hello 5"], log.Latest(2).Select(m => m.Text));
        Assert.Equal(3, log.Latest(50).Length);
    }

    [Fact]
    public void A_removed_message_leaves_the_recent_chat_and_an_unknown_one_is_not_found()
    {
        var state = new LiveRoomState();
        var log = new ChatLog(state, kept: 10);
        var first = log.Append("r1", Actors.Viewer("u1"), "first", At);
        log.Append("r1", Actors.Viewer("u2"), "second", At);

        Assert.Equal(first, log.Remove(first.MessageId));
        Assert.Equal(["second"], state.RecentChat.Select(m => m.Text));
        var missing = Assert.Throws<BroadcartException>(() => log.Remove(first.MessageId));
        Assert.Equal(ErrorCodes.NotFound, missing.Code);
        Assert.Single(state.RecentChat);
    }

    [Fact]
    public void After_an_unclean_stop_numbering_skips_forward_so_no_number_is_reused()
    {
        var state = new LiveRoomState { ChatSeq = 41 };
        var log = new ChatLog(state, kept: 10);
        log.SkipAfterUncleanStop(10_000);

        Assert.Equal(10_042, log.Append("r1", Actors.Viewer("u1"), "back", At).Seq);
    }
}

using Broadcart.Api.Relay;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Tests.Live;

public sealed class EventCoalescingTests
{
    private static ChatPosted Chat(long seq) => new(new ChatMessage("r", $"m{seq}", seq, "u", "U", $"text {seq}", DateTimeOffset.UnixEpoch));

    [Fact]
    public void Queued_events_keep_every_chat_message_and_their_order_and_only_the_latest_absolute_value()
    {
        RoomEvent[] queued =
        [
            Chat(1), new ViewersChanged(10), new LikesChanged(5), Chat(2), new StockChanged("p1", 9), new ChatRemoved("m1"),
            new StockChanged("p2", 4), Chat(3), new ViewersChanged(12), new StockChanged("p1", 7), new LikesChanged(8), Chat(4),
        ];

        var kept = EventCoalescing.Coalesce(queued);

        Assert.Equal(
            [Chat(1), Chat(2), new ChatRemoved("m1"), new StockChanged("p2", 4), Chat(3), new ViewersChanged(12), new StockChanged("p1", 7), new LikesChanged(8), Chat(4)],
            kept);
    }

    [Fact]
    public void Chat_only_queues_come_out_unchanged()
    {
        var queued = Enumerable.Range(1, 500).Select(i => (RoomEvent)Chat(i)).ToList();
        Assert.Equal(queued, EventCoalescing.Coalesce(queued));
    }

    [Fact]
    public void Rendering_turns_each_run_of_chat_into_one_batch_and_keeps_other_events_between_them()
    {
        RoomEvent[] events = [Chat(1), Chat(2), new ChatRemoved("m1"), Chat(3), new ViewersChanged(3), Chat(4), Chat(5), Chat(6)];

        var wire = EventWire.Render("r", events, room: null, regions: []);

        Assert.Equal(["chatBatch", "chatDeleted", "chat", "viewers", "chatBatch"], wire.Select(w => w.Message.Message is Microsoft.AspNetCore.SignalR.Protocol.InvocationMessage m ? m.Target : "?"));
    }

    [Fact]
    public void A_translation_follows_the_run_of_chat_it_arrived_in_and_goes_only_where_its_language_is_read()
    {
        RoomEvent[] events =
        [
            Chat(1), new ChatTranslated("m1", 1, "es", "texto 1"), new ChatTranslated("m1", 1, "fr", "texte 1"), Chat(2),
            new ViewersChanged(3), Chat(3), new ChatTranslated("m2", 2, "es", "texto 2"),
        ];

        var wire = EventWire.Render("r", events, room: null, regions: [], reads: language => language == "es");

        Assert.Equal(
            [("chatBatch", null), ("chatTranslated", "es"), ("viewers", null), ("chat", null), ("chatTranslated", "es")],
            wire.Select(w => (w.Message.Message is Microsoft.AspNetCore.SignalR.Protocol.InvocationMessage m ? m.Target : "?", w.Language)));
    }
}

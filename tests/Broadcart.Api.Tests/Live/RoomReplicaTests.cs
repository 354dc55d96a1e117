using System.Collections.Immutable;
using Broadcart.Api.Relay;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Tests.Live;

public sealed class RoomReplicaTests
{
    private static readonly Guid Epoch = Guid.NewGuid();

    private static ChatMessage Message(long seq) => new("r", $"m{seq}", seq, "u", "U", $"text {seq}", DateTimeOffset.UnixEpoch);

    private static RoomSnapshot Room(long chatSeq) => new(
        "r", "Room", "en", RoomStatus.Live, "s", "S", null, "US", 0, 0, 0, chatSeq, DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch, null, [], null, null, null, null);

    private static RoomSync Sync(long batchSeq, params long[] chat) =>
        new(Room(chat.Length == 0 ? 0 : chat.Max()), [.. chat.Select(Message)], Epoch, batchSeq);

    private static RoomEventBatch Batch(long batchSeq, params long[] chat) =>
        new("r", Epoch, batchSeq, [.. chat.Select(seq => (RoomEvent)new ChatPosted(Message(seq)))]);

    private static long[] Seqs(RoomEventBatch batch) => [.. batch.Events.OfType<ChatPosted>().Select(c => c.Message.Seq)];

    [Fact]
    public void Chat_of_a_lost_batch_comes_with_the_sync_even_when_a_later_batch_arrived_first()
    {
        var replica = new RoomReplica();
        replica.ApplySync(Sync(batchSeq: 0));

        // Batch 1 (seq 1) never arrives; batch 2 (seq 2) does, and goes out.
        Assert.Equal([2L], Seqs(replica.Apply(Batch(2, 2))));
        Assert.True(replica.NeedsSync);

        var missed = replica.ApplySync(Sync(batchSeq: 2, 1, 2));

        Assert.Equal([1L], missed.Select(m => m.Seq));
        Assert.False(replica.NeedsSync);
        Assert.Empty(Seqs(replica.Apply(Batch(2, 2))));
        Assert.Equal([3L], Seqs(replica.Apply(Batch(3, 3))));
    }

    [Fact]
    public void Chat_delivered_in_order_is_not_sent_again_by_a_sync()
    {
        var replica = new RoomReplica();
        replica.ApplySync(Sync(batchSeq: 0));
        replica.Apply(Batch(1, 1));
        replica.Apply(Batch(2, 2, 3));

        Assert.Empty(replica.ApplySync(Sync(batchSeq: 2, 1, 2, 3)));
        Assert.Empty(Seqs(replica.Apply(Batch(2, 2, 3))));
    }
}

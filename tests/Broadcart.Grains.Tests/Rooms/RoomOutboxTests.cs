using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Rooms;

public sealed class RoomOutboxTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    [Fact]
    public void A_quiet_room_flushes_at_once_and_a_busy_one_waits_out_the_interval()
    {
        var outbox = new RoomOutbox("r1", Interval);
        outbox.Add(new LikesChanged(1));
        Assert.Equal(TimeSpan.Zero, outbox.Arm(nowMs: 1_000));
        Assert.Null(outbox.Arm(nowMs: 1_001));

        outbox.Disarm();
        var first = outbox.TakeBatch(nowMs: 1_002);
        Assert.NotNull(first);

        outbox.Add(new LikesChanged(2));
        Assert.Equal(TimeSpan.FromMilliseconds(15), outbox.Arm(nowMs: 1_012));
        outbox.Disarm();
        outbox.Add(new LikesChanged(3));
        Assert.Equal(TimeSpan.Zero, outbox.Arm(nowMs: 1_030));
    }

    [Fact]
    public void Batches_are_numbered_in_one_epoch_and_carry_every_event_once_in_order()
    {
        var outbox = new RoomOutbox("r1", Interval);
        Assert.Null(outbox.TakeBatch(0));

        outbox.Add(new LikesChanged(1));
        outbox.Add(new ViewersChanged(7));
        var first = outbox.TakeBatch(10)!;
        outbox.Add(new SlowModeChanged(5));
        var second = outbox.TakeBatch(20)!;

        Assert.Equal(("r1", outbox.Epoch, 1L), (first.RoomId, first.Epoch, first.BatchSeq));
        Assert.Equal([new LikesChanged(1), new ViewersChanged(7)], first.Events.ToArray());
        Assert.Equal(2, second.BatchSeq);
        Assert.Equal([new SlowModeChanged(5)], second.Events.ToArray());
        Assert.Equal(0, outbox.Count);
        Assert.Equal(2, outbox.BatchesFlushed);
        Assert.Equal(2, outbox.LastBatchSeq);
        Assert.NotEqual(outbox.Epoch, new RoomOutbox("r1", Interval).Epoch);
    }

    [Fact]
    public void A_flush_that_stays_armed_is_not_armed_again()
    {
        var outbox = new RoomOutbox("r1", Interval);
        outbox.Disarm();
        outbox.StayArmed();
        outbox.Add(new LikesChanged(1));

        Assert.True(outbox.IsArmed);
        Assert.Null(outbox.Arm(0));
    }
}

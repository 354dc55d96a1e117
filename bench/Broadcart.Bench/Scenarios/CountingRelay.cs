using Broadcart.Grains.Rooms;

namespace Broadcart.Bench.Scenarios;

/// <summary>A simulated API node: counts the chat in the batches it gets and throws them away.</summary>
public sealed class CountingRelay : IRoomRelay
{
    private long _chat;
    private long _batches;

    public long Chat => Interlocked.Read(ref _chat);

    public long Batches => Interlocked.Read(ref _batches);

    public long LastBatchSeq => Interlocked.Read(ref _lastBatchSeq);

    private long _lastBatchSeq;

    public Task OnEvents(RoomEventBatch batch)
    {
        var chat = 0;
        foreach (var e in batch.Events)
        {
            if (e is ChatPosted)
            {
                chat++;
            }
        }

        Interlocked.Add(ref _chat, chat);
        Interlocked.Increment(ref _batches);
        InterlockedMax(ref _lastBatchSeq, batch.BatchSeq);
        return Task.CompletedTask;
    }

    private static void InterlockedMax(ref long location, long value)
    {
        var current = Interlocked.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) != current)
        {
            current = Interlocked.Read(ref location);
        }
    }
}

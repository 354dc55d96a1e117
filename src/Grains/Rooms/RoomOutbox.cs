namespace Broadcart.Grains.Rooms;

/// <summary>
/// Events waiting for the next flush, and when that flush is due. Leading edge: an event into a
/// room that has not flushed for a whole interval is due at once, so a quiet room adds no batching
/// delay; under load, events wait for the rest of the interval and share one batch.
/// </summary>
/// <remarks>Times are milliseconds of a monotonic clock (<see cref="Environment.TickCount64"/> in the grain).</remarks>
internal sealed class RoomOutbox(string roomId, TimeSpan interval)
{
    private readonly List<RoomEvent> _events = [];
    private long _lastFlushAt = long.MinValue / 2;

    /// <summary>Identifies this activation's batch numbering: nodes re-sync when it changes.</summary>
    public Guid Epoch { get; } = Guid.NewGuid();

    public long LastBatchSeq { get; private set; }

    public long BatchesFlushed { get; private set; }

    public bool IsArmed { get; private set; }

    public int Count => _events.Count;

    public void Add(RoomEvent e) => _events.Add(e);

    /// <summary>Marks a flush as due; returns how long until it, or null when one is already due.</summary>
    public TimeSpan? Arm(long nowMs)
    {
        if (IsArmed)
        {
            return null;
        }

        IsArmed = true;
        var sinceLastFlush = nowMs - _lastFlushAt;
        var intervalMs = (long)interval.TotalMilliseconds;
        return sinceLastFlush >= intervalMs ? TimeSpan.Zero : TimeSpan.FromMilliseconds(intervalMs - sinceLastFlush);
    }

    /// <summary>A flush has begun: whatever arrives from now on arms the next one.</summary>
    public void Disarm() => IsArmed = false;

    /// <summary>Keeps a flush due although this one ran: something in it is waiting for its own moment.</summary>
    public void StayArmed() => IsArmed = true;

    /// <summary>Everything waiting, as the next numbered batch; null when nothing waits.</summary>
    public RoomEventBatch? TakeBatch(long nowMs)
    {
        if (_events.Count == 0)
        {
            return null;
        }

        _lastFlushAt = nowMs;
        var batch = new RoomEventBatch(roomId, Epoch, ++LastBatchSeq, [.. _events]);
        _events.Clear();
        BatchesFlushed++;
        return batch;
    }
}

using System.Collections.Concurrent;

namespace Broadcart.Bench;

/// <summary>
/// Which chat messages each watching viewer should get: a message is expected once by every
/// watcher of its room, from the moment it is sent. Settling a message past its grace period
/// tells how many deliveries were missing or doubled.
/// </summary>
public sealed class ChatLedger
{
    private readonly ConcurrentDictionary<int, Entry> _entries = new();

    public void Expect(int message, long scheduledTicks, int watchers) => _entries[message] = new Entry(scheduledTicks, watchers);

    /// <summary>The send was refused: nothing of it is expected.</summary>
    public void Forget(int message) => _entries.TryRemove(message, out _);

    /// <summary>A watcher got the message; false for a message this ledger does not expect (refused, or already settled).</summary>
    public bool Received(int message)
    {
        if (!_entries.TryGetValue(message, out var entry))
        {
            return false;
        }

        Interlocked.Increment(ref entry.Received);
        return true;
    }

    public int Pending => _entries.Count;

    public bool AllDelivered => _entries.Values.All(e => Volatile.Read(ref e.Received) >= e.Expected);

    /// <summary>Removes the messages scheduled before <paramref name="beforeTicks"/>, returning the deliveries missing and doubled among them.</summary>
    public (long Missing, long Duplicated) Settle(long beforeTicks)
    {
        long missing = 0, duplicated = 0;
        foreach (var (message, entry) in _entries)
        {
            if (entry.ScheduledTicks < beforeTicks && _entries.TryRemove(message, out _))
            {
                var received = Volatile.Read(ref entry.Received);
                missing += Math.Max(0, entry.Expected - received);
                duplicated += Math.Max(0, received - entry.Expected);
            }
        }

        return (missing, duplicated);
    }

    private sealed class Entry(long scheduledTicks, int expected)
    {
        public readonly long ScheduledTicks = scheduledTicks;
        public readonly int Expected = expected;
        public int Received;
    }
}

using HdrHistogram;

namespace Broadcart.Bench;

/// <summary>
/// From the moment a message was scheduled to be sent (carried in its text) to its receipt, in
/// microseconds, from many threads; and the wall time from the first send to the last receipt.
/// </summary>
public sealed class Latency
{
    private readonly Lock _lock = new();
    private LongHistogram _histogram = new(1, 600_000_000, 3);
    private long _count;
    private long _lastReceiptTicks;

    public long Count => Interlocked.Read(ref _count);

    public long LastReceiptTicks => Interlocked.Read(ref _lastReceiptTicks);

    /// <summary>Records every message of one invocation under one lock.</summary>
    public void Record(IEnumerable<string> texts)
    {
        var now = DateTime.UtcNow.Ticks;
        var n = 0;
        lock (_lock)
        {
            foreach (var text in texts)
            {
                if (ScheduledTicks(text) is { } scheduled)
                {
                    _histogram.RecordValue(Math.Clamp((now - scheduled) / 10, 1, 600_000_000));
                    n++;
                }
            }

            if (now > _lastReceiptTicks)
            {
                _lastReceiptTicks = now;
            }
        }

        Interlocked.Add(ref _count, n);
    }

    /// <summary>One answer to an operation that was due at <paramref name="scheduledTicks"/> (UTC ticks).</summary>
    public void RecordSince(long scheduledTicks)
    {
        var now = DateTime.UtcNow.Ticks;
        lock (_lock)
        {
            _histogram.RecordValue(Math.Clamp((now - scheduledTicks) / 10, 1, 600_000_000));
            if (now > _lastReceiptTicks)
            {
                _lastReceiptTicks = now;
            }
        }

        Interlocked.Increment(ref _count);
    }

    /// <summary>What was recorded since the last take (count, p50, p99 and max in milliseconds), and a fresh start.</summary>
    public (long Count, double P50, double P99, double Max) Take()
    {
        lock (_lock)
        {
            var h = _histogram;
            _histogram = new LongHistogram(1, 600_000_000, 3);
            Interlocked.Exchange(ref _count, 0);
            return h.TotalCount == 0
                ? (0, 0, 0, 0)
                : (h.TotalCount, h.GetValueAtPercentile(50) / 1000.0, h.GetValueAtPercentile(99) / 1000.0, h.GetMaxValue() / 1000.0);
        }
    }

    public (double P50, double P95, double P99) TakeMillis()
    {
        lock (_lock)
        {
            var h = _histogram;
            _histogram = new LongHistogram(1, 600_000_000, 3);
            Interlocked.Exchange(ref _count, 0);
            return h.TotalCount == 0 ? (0, 0, 0) : (h.GetValueAtPercentile(50) / 1000.0, h.GetValueAtPercentile(95) / 1000.0, h.GetValueAtPercentile(99) / 1000.0);
        }
    }

    /// <summary>The message text starts with the UTC ticks at which the sender was due to send it.</summary>
    public static string Text(long scheduledTicks, int n) => $"{scheduledTicks} message {n} {new string('x', 40)}";

    private static long? ScheduledTicks(string text)
    {
        var space = text.IndexOf(' ');
        return space > 0 && long.TryParse(text.AsSpan(0, space), out var ticks) ? ticks : null;
    }
}

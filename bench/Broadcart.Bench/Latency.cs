using HdrHistogram;

namespace Broadcart.Bench;

/// <summary>Server timestamp to receipt, in microseconds, from many threads.</summary>
public sealed class Latency
{
    private readonly Lock _lock = new();
    private LongHistogram _histogram = new(1, 600_000_000, 3);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(DateTimeOffset sentAt)
    {
        var micros = Math.Max(1, (long)((DateTimeOffset.UtcNow - sentAt).TotalMilliseconds * 1000));
        lock (_lock)
        {
            _histogram.RecordValue(Math.Min(micros, 600_000_000));
        }

        Interlocked.Increment(ref _count);
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
}

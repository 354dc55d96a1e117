using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadcart.Grains.Metrics;

namespace Broadcart.Api.Relay;

/// <summary>A room as one node sees it: how many local viewers, likes not yet reported, the replica.</summary>
public sealed class LocalRoom(string roomId)
{
    private int _viewers;
    private long _pendingLikes;

    public string RoomId { get; } = roomId;

    /// <summary>Serialises subscribing and unsubscribing this room from this node.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public RoomReplica Replica { get; } = new();

    public bool Subscribed { get; set; }

    /// <summary>Set once the room left the registry: a joiner holding this instance must start over.</summary>
    public bool Retired { get; set; }

    public int Viewers => Volatile.Read(ref _viewers);

    public int ReportedViewers { get; set; } = -1;

    public DateTimeOffset LastReportAt { get; set; }

    private readonly ConcurrentDictionary<string, int> _regions = new(StringComparer.Ordinal);

    /// <summary>The regions this node has viewers of the room in: region-specific events render once per region.</summary>
    public IEnumerable<string> Regions => _regions.Where(r => r.Value > 0).Select(r => r.Key);

    public void AddViewer(string region)
    {
        Interlocked.Increment(ref _viewers);
        _regions.AddOrUpdate(region, 1, (_, n) => n + 1);
    }

    public void RemoveViewer(string region)
    {
        Interlocked.Decrement(ref _viewers);
        _regions.AddOrUpdate(region, 0, (_, n) => Math.Max(0, n - 1));
    }

    private readonly ConcurrentDictionary<string, long> _joins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _clicks = new(StringComparer.Ordinal);

    public long PendingLikes => Interlocked.Read(ref _pendingLikes);

    public bool HasCounters => !_joins.IsEmpty || !_clicks.IsEmpty;

    public IReadOnlyDictionary<string, int> ViewersByRegion => _regions.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    public void CountJoin(string region) => _joins.AddOrUpdate(region, 1, (_, n) => n + 1);

    public void CountClick(string region) => _clicks.AddOrUpdate(region, 1, (_, n) => n + 1);

    /// <summary>Joins and product clicks since the last report, per region; what fails to send is put back.</summary>
    public ImmutableArray<MetricsDelta> TakeCounters()
    {
        var regions = _joins.Keys.Union(_clicks.Keys).ToList();
        return
        [
            .. regions.Select(r => new MetricsDelta(r, Joins: Take(_joins, r), Clicks: Take(_clicks, r)))
                .Where(d => d.Joins > 0 || d.Clicks > 0),
        ];
    }

    public void ReturnCounters(ImmutableArray<MetricsDelta> counters)
    {
        foreach (var d in counters)
        {
            if (d.Joins > 0)
            {
                _joins.AddOrUpdate(d.Region, d.Joins, (_, n) => n + d.Joins);
            }

            if (d.Clicks > 0)
            {
                _clicks.AddOrUpdate(d.Region, d.Clicks, (_, n) => n + d.Clicks);
            }
        }
    }

    private static long Take(ConcurrentDictionary<string, long> counts, string region) =>
        counts.TryRemove(region, out var n) ? n : 0;

    public void AddLike() => Interlocked.Increment(ref _pendingLikes);

    public long TakeLikes() => Interlocked.Exchange(ref _pendingLikes, 0);

    public void ReturnLikes(long likes) => Interlocked.Add(ref _pendingLikes, likes);
}

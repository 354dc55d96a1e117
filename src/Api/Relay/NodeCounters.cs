using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadcart.Grains.Metrics;

namespace Broadcart.Api.Relay;

/// <summary>Likes, joins and product clicks counted on this node since its last report to the room; what fails to send is put back.</summary>
public sealed class NodeCounters
{
    private readonly ConcurrentDictionary<string, long> _joins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _clicks = new(StringComparer.Ordinal);
    private long _likes;

    public bool IsEmpty => Interlocked.Read(ref _likes) == 0 && _joins.IsEmpty && _clicks.IsEmpty;

    public void AddLike() => Interlocked.Increment(ref _likes);

    public void CountJoin(string region) => _joins.AddOrUpdate(region, 1, (_, n) => n + 1);

    public void CountClick(string region) => _clicks.AddOrUpdate(region, 1, (_, n) => n + 1);

    public (long Likes, ImmutableArray<MetricsDelta> PerRegion) Take()
    {
        var regions = _joins.Keys.Union(_clicks.Keys).ToList();
        var perRegion = regions
            .Select(r => new MetricsDelta(r, Joins: Take(_joins, r), Clicks: Take(_clicks, r)))
            .Where(d => d.Joins > 0 || d.Clicks > 0)
            .ToImmutableArray();
        return (Interlocked.Exchange(ref _likes, 0), perRegion);
    }

    public void Return(long likes, ImmutableArray<MetricsDelta> perRegion)
    {
        Interlocked.Add(ref _likes, likes);
        foreach (var d in perRegion)
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
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadcart.Grains.Metrics;

namespace Broadcart.Api.Relay;

/// <summary>
/// Likes, joins (with who joined, for unique viewers) and product clicks counted on this node since
/// its last report to the room; what fails to send is put back.
/// </summary>
public sealed class NodeCounters
{
    private readonly ConcurrentDictionary<string, long> _joins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _clicks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Region, string UserId)> _joiners = new();
    private long _likes;

    public bool IsEmpty => Interlocked.Read(ref _likes) == 0 && _joins.IsEmpty && _clicks.IsEmpty && _joiners.IsEmpty;

    public void AddLike() => Interlocked.Increment(ref _likes);

    public void CountJoin(string region, string userId)
    {
        _joiners.Enqueue((region, userId));
        _joins.AddOrUpdate(region, 1, (_, n) => n + 1);
    }

    public void CountClick(string region) => _clicks.AddOrUpdate(region, 1, (_, n) => n + 1);

    public (long Likes, ImmutableArray<MetricsDelta> PerRegion) Take()
    {
        var joiners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        while (_joiners.TryDequeue(out var joiner))
        {
            (joiners.TryGetValue(joiner.Region, out var users) ? users : joiners[joiner.Region] = new(StringComparer.Ordinal)).Add(joiner.UserId);
        }

        var regions = _joins.Keys.Union(_clicks.Keys).Union(joiners.Keys).ToList();
        var perRegion = regions
            .Select(r => new MetricsDelta(r, Joins: Take(_joins, r), Clicks: Take(_clicks, r),
                Viewers: joiners.TryGetValue(r, out var users) ? [.. users] : default))
            .Where(d => d.Joins > 0 || d.Clicks > 0 || !d.Viewers.IsDefaultOrEmpty)
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

            foreach (var userId in d.Viewers.IsDefault ? [] : d.Viewers)
            {
                _joiners.Enqueue((d.Region, userId));
            }
        }
    }

    private static long Take(ConcurrentDictionary<string, long> counts, string region) =>
        counts.TryRemove(region, out var n) ? n : 0;
}

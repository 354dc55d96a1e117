using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Feeds;

/// <summary>
/// One region's live rooms, in memory only: rooms renew their entries every few seconds, so a
/// lost activation refills within one refresh interval and a dead room drops out by itself.
/// </summary>
public sealed class RegionFeedGrain(IOptions<FeedOptions> options, TimeProvider time) : Grain, IRegionFeedGrain
{
    private readonly Dictionary<string, (FeedEntry Entry, DateTimeOffset Seen)> _entries = new(StringComparer.Ordinal);
    private ImmutableArray<FeedEntry>? _ranked;

    public Task Upsert(FeedEntry entry)
    {
        _entries[entry.RoomId] = (entry, time.GetUtcNow());
        _ranked = null;
        return Task.CompletedTask;
    }

    public Task Remove(string roomId)
    {
        if (_entries.Remove(roomId))
        {
            _ranked = null;
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<FeedEntry>> List()
    {
        var cutoff = time.GetUtcNow() - options.Value.EntryTtl;
        foreach (var (roomId, (_, seen)) in _entries.ToArray())
        {
            if (seen < cutoff)
            {
                _entries.Remove(roomId);
                _ranked = null;
            }
        }

        _ranked ??= FeedRanking.Rank(_entries.Values.Select(e => e.Entry));
        return Task.FromResult(_ranked.Value);
    }
}

using System.Collections.Concurrent;
using Broadcart.Api.Live;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Relay;

/// <summary>
/// A room's viewers on this node and how many there are per region and per chat language. Joins
/// and leaves touch one entry each (no room-wide lock); a send walks the set once.
/// </summary>
public sealed class RoomAudience
{
    private readonly ConcurrentDictionary<LiveViewer, byte> _viewers = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, int> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _languages = new(StringComparer.Ordinal);

    /// <summary>The regions this node has viewers of the room in: region-specific events render once per region.</summary>
    public IEnumerable<string> Regions => _regions.Where(r => r.Value > 0).Select(r => r.Key);

    public IReadOnlyDictionary<string, int> ByRegion => _regions.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    /// <summary>The chat languages viewers here have set, sorted: the room translates each message into those.</summary>
    public IReadOnlyList<string> Languages => [.. _languages.Where(l => l.Value > 0).Select(l => l.Key).Order(StringComparer.Ordinal)];

    public bool Reads(string language) => _languages.TryGetValue(language, out var n) && n > 0;

    public void Add(LiveViewer viewer)
    {
        if (_viewers.TryAdd(viewer, 0))
        {
            _regions.AddOrUpdate(viewer.Region, 1, (_, n) => n + 1);
            Count(viewer.Language, +1);
        }
    }

    public void Remove(LiveViewer viewer)
    {
        if (_viewers.TryRemove(viewer, out _))
        {
            _regions.AddOrUpdate(viewer.Region, 0, (_, n) => Math.Max(0, n - 1));
            Count(viewer.Language, -1);
        }
    }

    /// <summary>A viewer here chose another chat language.</summary>
    public void LanguageChanged(LiveViewer viewer, string? before)
    {
        if (_viewers.ContainsKey(viewer))
        {
            Count(before, -1);
            Count(viewer.Language, +1);
        }
    }

    private void Count(string? language, int delta)
    {
        if (language is not null)
        {
            _languages.AddOrUpdate(language, Math.Max(0, delta), (_, n) => Math.Max(0, n + delta));
        }
    }

    /// <summary>Writes to every viewer (or every viewer in <paramref name="region"/>, or reading <paramref name="language"/>); collects the writes worth waiting for.</summary>
    public void Write(SerializedHubMessage message, string? region, string? language, List<Task> waits)
    {
        foreach (var (viewer, _) in _viewers)
        {
            if ((region is null || viewer.Region == region) && (language is null || viewer.Language == language))
            {
                if (viewer.Write(message) is { } wait)
                {
                    waits.Add(wait);
                }
            }
        }
    }
}

using System.Collections.Concurrent;

namespace Broadcart.Api.Live;

/// <summary>Which local connections watch which rooms' metrics.</summary>
public sealed class MetricsWatchers
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byRoom = new(StringComparer.Ordinal);

    public IEnumerable<string> Rooms => _byRoom.Where(r => !r.Value.IsEmpty).Select(r => r.Key);

    public void Add(string roomId, string connectionId) =>
        _byRoom.GetOrAdd(roomId, _ => new(StringComparer.Ordinal)).TryAdd(connectionId, 0);

    public void RemoveConnection(string connectionId)
    {
        foreach (var watchers in _byRoom.Values)
        {
            watchers.TryRemove(connectionId, out _);
        }
    }

    public static string Group(string roomId) => $"metrics:{roomId}";
}

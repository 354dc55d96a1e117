using System.Collections.Concurrent;

namespace Broadcart.Api.Live;

/// <summary>Which rooms each local connection has joined, so a disconnect leaves them all.</summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byConnection = new(StringComparer.Ordinal);

    /// <summary>False when the connection had already joined the room.</summary>
    public bool Add(string connectionId, string roomId) =>
        _byConnection.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal)).TryAdd(roomId, 0);

    public bool Contains(string connectionId, string roomId) =>
        _byConnection.TryGetValue(connectionId, out var rooms) && rooms.ContainsKey(roomId);

    public bool Remove(string connectionId, string roomId) =>
        _byConnection.TryGetValue(connectionId, out var rooms) && rooms.TryRemove(roomId, out _);

    public IReadOnlyCollection<string> RemoveConnection(string connectionId) =>
        _byConnection.TryRemove(connectionId, out var rooms) ? [.. rooms.Keys] : [];
}

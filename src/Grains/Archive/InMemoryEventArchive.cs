namespace Broadcart.Grains.Archive;

/// <summary>
/// The archive of the one-process default, which has no Blob Storage: rooms' events in this
/// process's memory, at most <see cref="MaxEvents"/> across all rooms. Past that, the rooms
/// appended to longest ago are forgotten whole (a replay with a hole in it would mislead); all
/// of it is lost when the process stops. The host says so at start-up.
/// </summary>
public sealed class InMemoryEventArchive(int maxEvents) : IEventArchive
{
    public const int DefaultMaxEvents = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<ArchivedEvent>> _rooms = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _byLastAppend = new();
    private readonly Dictionary<string, LinkedListNode<string>> _positions = new(StringComparer.Ordinal);
    private int _count;

    public int MaxEvents { get; } = maxEvents;

    public bool IsConfigured => true;

    public Task AppendAsync(string roomId, IReadOnlyList<ArchivedEvent> events, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var list))
            {
                _rooms[roomId] = list = [];
                _positions[roomId] = _byLastAppend.AddLast(roomId);
            }
            else
            {
                _byLastAppend.Remove(_positions[roomId]);
                _byLastAppend.AddLast(_positions[roomId]);
            }

            list.AddRange(events);
            _count += events.Count;
            while (_count > MaxEvents && _byLastAppend.First is { } oldest)
            {
                _count -= _rooms[oldest.Value].Count;
                _rooms.Remove(oldest.Value);
                _positions.Remove(oldest.Value);
                _byLastAppend.RemoveFirst();
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ArchivedEvent> ReadAsync(string roomId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArchivedEvent[] events;
        lock (_lock)
        {
            events = _rooms.TryGetValue(roomId, out var list) ? [.. list] : [];
        }

        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask;
    }
}

using Broadcart.Client.Wire;

namespace Broadcart.Client;

/// <summary>
/// The protocol's rule for chat: a room's messages are numbered by <c>seq</c> and never
/// renumbered, so a client keeps the highest it has passed on and drops anything at or below it.
/// Live events, batches and a rejoin's <c>recentChat</c> may overlap; each message goes out once,
/// in order.
/// </summary>
public sealed class ChatSequence
{
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The messages of <paramref name="messages"/> not passed on before, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Accept(string roomId, IEnumerable<ChatMessage> messages)
    {
        lock (_lock)
        {
            var last = _last.GetValueOrDefault(roomId);
            var fresh = messages.Where(m => m.Seq > last).OrderBy(m => m.Seq).ToList();
            if (fresh.Count > 0)
            {
                _last[roomId] = fresh[^1].Seq;
            }

            return fresh;
        }
    }

    public long LastSeq(string roomId)
    {
        lock (_lock)
        {
            return _last.GetValueOrDefault(roomId);
        }
    }

    public void Forget(string roomId)
    {
        lock (_lock)
        {
            _last.Remove(roomId);
        }
    }
}

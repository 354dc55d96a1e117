using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The per-user chat limit of one room, whichever nodes the user chats through: at most
/// <see cref="ChatRateOptions.MessagesPerWindow"/> accepted messages in any window. Exact, so
/// it holds the same at a window's edge as in its middle; it keeps at most that many timestamps
/// per chatter, and only for chatters heard from within the window. In memory only: a
/// reactivated room forgets who was chatting fast, which costs at most one extra window.
/// </summary>
internal sealed class RoomChatLimit(ChatRateOptions options)
{
    private readonly Dictionary<string, Queue<long>> _sent = new(StringComparer.Ordinal);

    public void EnsureMayChat(string userId, DateTimeOffset now)
    {
        if (_sent.TryGetValue(userId, out var times) && Expire(times, now) >= options.MessagesPerWindow)
        {
            throw new BroadcartException(ErrorCodes.RateLimited,
                $"you are sending messages too fast: at most {options.MessagesPerWindow} every {options.Window.TotalSeconds:0} seconds");
        }
    }

    public void Chatted(string userId, DateTimeOffset now)
    {
        if (!_sent.TryGetValue(userId, out var times))
        {
            _sent[userId] = times = new Queue<long>(Math.Min(options.MessagesPerWindow, 8));
        }

        times.Enqueue(now.UtcTicks);
    }

    /// <summary>Forgets users with no message left in the window.</summary>
    public void Prune(DateTimeOffset now)
    {
        foreach (var (userId, times) in _sent.ToArray())
        {
            if (Expire(times, now) == 0)
            {
                _sent.Remove(userId);
            }
        }
    }

    internal int RememberedChatters => _sent.Count;

    private int Expire(Queue<long> times, DateTimeOffset now)
    {
        var oldest = now.UtcTicks - options.Window.Ticks;
        while (times.TryPeek(out var at) && at <= oldest)
        {
            times.Dequeue();
        }

        return times.Count;
    }
}

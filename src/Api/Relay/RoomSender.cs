using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// One ordered sender per room on this node. An event into an idle room goes out at once (leading
/// edge); after a send, the next waits until <see cref="RelayOptions.MinSendInterval"/> has passed,
/// so under load what arrives meanwhile goes out together, coalesced (<see cref="EventCoalescing"/>):
/// each send costs a write and a wake-up of every viewer's socket, whatever it carries. A send waits
/// for slow sockets at most <see cref="RelayOptions.SendWait"/>, and never for a viewer that is
/// already behind, so one stalled socket cannot hold back its room; the queue holds at most what
/// arrives during one send and the interval after it.
/// </summary>
public sealed class RoomSender(LocalRoom room, RelayOptions options, ILogger log)
{
    private readonly Lock _lock = new();
    private List<RoomEvent> _queued = [];
    private bool _sending;
    private long _lastSendAt = long.MinValue / 2;

    public void Post(IReadOnlyList<RoomEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _queued.AddRange(events);
            if (_sending)
            {
                return;
            }

            _sending = true;
        }

        _ = Task.Run(SendQueuedAsync);
    }

    private async Task SendQueuedAsync()
    {
        var waits = new List<Task>();
        var spacing = (long)options.MinSendInterval.TotalMilliseconds;
        while (true)
        {
            if (_lastSendAt + spacing - Environment.TickCount64 is var wait and > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            List<RoomEvent> events;
            lock (_lock)
            {
                if (_queued.Count == 0)
                {
                    _sending = false;
                    return;
                }

                events = _queued;
                _queued = [];
            }

            _lastSendAt = Environment.TickCount64;

            try
            {
                var audience = room.Audience;
                foreach (var message in EventWire.Render(room.RoomId, EventCoalescing.Coalesce(events), room.Replica.Room, audience.Regions, audience.Reads))
                {
                    audience.Write(message.Message, message.Region, message.Language, waits);
                }

                if (waits.Count > 0)
                {
                    await Task.WhenAll(waits).WaitAsync(options.SendWait);
                }
            }
            catch (TimeoutException)
            {
                // Those sockets are behind: they keep their queued writes, the room moves on.
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Could not send to the viewers of room {RoomId}", room.RoomId);
            }
            finally
            {
                waits.Clear();
            }
        }
    }
}

using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// One ordered sender per room on this node. An event into an idle room goes out at once (leading
/// edge); while a send is waiting for busy sockets, later events queue and go out together,
/// coalesced (<see cref="EventCoalescing"/>). A send waits for slow sockets at most
/// <see cref="RelayOptions.SendWait"/>, and never for a viewer that is already behind, so one
/// stalled socket cannot hold back its room; the queue holds at most what arrives in one send.
/// </summary>
public sealed class RoomSender(LocalRoom room, RelayOptions options, ILogger log)
{
    private readonly Lock _lock = new();
    private List<RoomEvent> _queued = [];
    private bool _sending;

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
        while (true)
        {
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

            try
            {
                var audience = room.Audience;
                foreach (var message in EventWire.Render(room.RoomId, EventCoalescing.Coalesce(events), room.Replica.Room, audience.Regions))
                {
                    audience.Write(message.Message, message.Region, waits);
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

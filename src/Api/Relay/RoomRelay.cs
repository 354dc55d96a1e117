using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// The node's one grain observer: every subscribed room's batches arrive here and go straight to
/// that room's sender, off whatever thread Orleans delivered them on.
/// </summary>
public sealed class RoomRelay(Func<string, LocalRoom?> find) : IRoomRelay
{
    public Task OnEvents(RoomEventBatch batch)
    {
        find(batch.RoomId)?.Deliver(batch);
        return Task.CompletedTask;
    }
}

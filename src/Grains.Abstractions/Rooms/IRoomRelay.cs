using Orleans.Concurrency;

namespace Broadcart.Grains.Rooms;

/// <summary>One per API node: receives every subscribed room's event batches.</summary>
[Alias("Broadcart.IRoomRelay")]
public interface IRoomRelay : IGrainObserver
{
    /// <summary>One-way: a room never waits for a node, let alone a viewer.</summary>
    [OneWay, Alias("OnEvents")]
    Task OnEvents(RoomEventBatch batch);
}

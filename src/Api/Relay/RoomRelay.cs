using System.Threading.Channels;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// The node's one grain observer. It only queues: sending to SignalR happens in
/// <see cref="RelayPump"/>, off whatever thread Orleans delivered the batch on.
/// </summary>
public sealed class RoomRelay : IRoomRelay
{
    private readonly Channel<RoomEventBatch> _batches = Channel.CreateUnbounded<RoomEventBatch>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    public ChannelReader<RoomEventBatch> Batches => _batches.Reader;

    public Task OnEvents(RoomEventBatch batch)
    {
        _batches.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }
}

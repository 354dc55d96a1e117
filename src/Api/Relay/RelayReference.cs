using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// Holds the relay strongly for the life of the node: Orleans keeps observers weakly, and a
/// collected relay would silently stop receiving events.
/// </summary>
public sealed class RelayReference(IGrainFactory grains, RoomRelay relay) : IDisposable
{
    private readonly Lock _lock = new();
    private IRoomRelay? _reference;

    public RoomRelay Relay { get; } = relay;

    public IRoomRelay Reference
    {
        get
        {
            lock (_lock)
            {
                return _reference ??= grains.CreateObjectReference<IRoomRelay>(Relay);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_reference is not null)
            {
                grains.DeleteObjectReference<IRoomRelay>(_reference);
                _reference = null;
            }
        }
    }
}

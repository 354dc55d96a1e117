using System.Collections.Concurrent;
using Broadcart.Api.Relay;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Orders;

/// <summary>
/// What the node knows of a room's selling: its replica when the node has viewers in the room,
/// else the room's snapshot read at most once per <see cref="MaxAge"/>. Used only to send a
/// purchase straight to the open sale; the sale re-checks what it must, and a purchase the node
/// does not route goes through the order grain, which asks the room itself.
/// </summary>
public sealed class RoomCommerceViews(NodeRooms rooms, IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private const int MaxRooms = 10_000;

    private readonly ConcurrentDictionary<string, (Task<RoomSnapshot> Read, DateTimeOffset At)> _read = new(StringComparer.Ordinal);

    public async Task<RoomSnapshot?> RoomAsync(string roomId)
    {
        if (rooms.Find(roomId)?.Replica is { NeedsSync: false, Room: { } replica })
        {
            return replica;
        }

        var now = time.GetUtcNow();
        if (_read.Count > MaxRooms)
        {
            // Only a cache of one-second-old reads: forgetting it costs a read per room.
            _read.Clear();
        }

        var entry = _read.AddOrUpdate(
            roomId,
            _ => (ReadAsync(roomId), now),
            (_, old) => now - old.At < MaxAge && !old.Read.IsFaulted ? old : (ReadAsync(roomId), now));
        try
        {
            return await entry.Read;
        }
        catch
        {
            // Not this node's business to refuse: the order grain asks the room and answers properly.
            _read.TryRemove(KeyValuePair.Create(roomId, entry));
            return null;
        }
    }

    private Task<RoomSnapshot> ReadAsync(string roomId) => grains.GetGrain<ILiveRoomGrain>(roomId).GetSnapshot();
}

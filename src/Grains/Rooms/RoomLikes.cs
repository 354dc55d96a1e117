namespace Broadcart.Grains.Rooms;

/// <summary>
/// The room's likes. Nodes count likes locally and report deltas; the room publishes the total
/// at most once per flush. It is the only writer of <see cref="LiveRoomState.Likes"/>.
/// </summary>
internal sealed class RoomLikes(LiveRoomState room)
{
    private bool _changed;

    public bool Add(long delta)
    {
        if (delta <= 0)
        {
            return false;
        }

        room.Likes += delta;
        _changed = true;
        return true;
    }

    public LikesChanged? TakeChange()
    {
        if (!_changed)
        {
            return null;
        }

        _changed = false;
        return new LikesChanged(room.Likes);
    }
}

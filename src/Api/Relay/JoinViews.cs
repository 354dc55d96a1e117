using Broadcart.Api.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// The room as a joiner sees it, rendered once per region per replica version rather than once per
/// join: a join storm renders the showcase's regional prices a few times, not thousands.
/// </summary>
public sealed class JoinViews
{
    private readonly Lock _lock = new();
    private long _version = -1;
    private Dictionary<string, RoomView> _byRegion = new(StringComparer.Ordinal);

    public RoomView For(RoomReplica replica, string region)
    {
        var (room, recentChat, version) = replica.Read();
        RoomView? view;
        lock (_lock)
        {
            if (version != _version)
            {
                _byRegion = new Dictionary<string, RoomView>(StringComparer.Ordinal);
                _version = version;
            }

            if (!_byRegion.TryGetValue(region, out view))
            {
                view = RoomView.From(room, region) with { Geo = GeoView.For(room, region) };
                _byRegion[region] = view;
            }
        }

        return view with { ViewerCount = room.ViewerCount, Likes = room.Likes, ChatSeq = room.ChatSeq, RecentChat = recentChat };
    }
}

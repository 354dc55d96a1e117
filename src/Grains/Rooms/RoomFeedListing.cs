using Broadcart.Grains.Feeds;
using Broadcart.Grains.Reach;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The room's entries in the region feeds: upserted into every feed it is visible in, removed
/// from the others, renewed on a cadence so that a feed's entry never goes stale while live.
/// </summary>
internal sealed class RoomFeedListing(IGrainFactory grains, string roomId, TimeSpan refreshInterval)
{
    private readonly HashSet<string> _listedIn = new(StringComparer.Ordinal);
    private DateTimeOffset _renewedAt;

    public IReadOnlyCollection<string> ListedIn => _listedIn;

    public bool IsDue(DateTimeOffset now) => now - _renewedAt >= refreshInterval;

    public async Task RenewAsync(LiveRoomState room, int viewers, DateTimeOffset now)
    {
        var visible = room.Status == RoomStatus.Live ? ReachChanges.Visible(room.HomeRegion, room.Reach) : [];
        foreach (var region in _listedIn.Except(visible).ToList())
        {
            await grains.GetGrain<IRegionFeedGrain>(region).Remove(roomId);
            _listedIn.Remove(region);
        }

        foreach (var region in visible)
        {
            var reach = RegionReach.For(room.HomeRegion, room.Reach, region);
            await grains.GetGrain<IRegionFeedGrain>(region).Upsert(new FeedEntry(
                roomId, room.Title, room.StreamerName, room.HomeRegion, viewers, reach.Paid, reach.Paid ? room.Reach?.BidCpm : null));
            _listedIn.Add(region);
        }

        _renewedAt = now;
    }
}

using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The room's reach: it keeps its entries in the region feeds it is visible in, tells the nodes
/// which region groups' <c>geo</c> changed, and forwards counts to its metrics.
/// </summary>
public sealed partial class LiveRoomGrain
{
    private const string AliveReminder = "alive";
    private readonly HashSet<string> _feedRegions = new(StringComparer.Ordinal);
    private DateTimeOffset _feedsRenewedAt;

    public async Task<ReachView> SetReach(Actor actor, ReachSetting setting)
    {
        Room.EnsureExists(RoomId);
        if (!Room.IsOwner(actor) && Room.MerchantId != actor.UserId)
        {
            throw new BroadcartException(ErrorCodes.Forbidden, "only the room's streamer or its merchant may set its reach");
        }

        var before = Room.Reach;
        var after = await GrainFactory.GetGrain<IRoomReachGrain>(RoomId).Set(setting);
        Room.Reach = after;
        await WriteAsync();
        await PublishReachAsync(before, after);
        return after;
    }

    public async Task ReachChanged(ReachView reach)
    {
        if (Room.Reach is { } known && reach.Version <= known.Version)
        {
            return;
        }

        var before = Room.Reach;
        Room.Reach = reach;
        await WriteAsync();
        await PublishReachAsync(before, reach);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Reminders outlive silos: a live room whose silo died comes back and renews its feeds.
        if (Room.Status == RoomStatus.Live)
        {
            await RenewFeedsAsync();
        }
        else if (await this.GetReminder(AliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task PublishReachAsync(ReachView? before, ReachView? after)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal) { Room.HomeRegion };
        foreach (var reach in new[] { before, after })
        {
            candidates.UnionWith(reach?.Regions ?? []);
            candidates.UnionWith(reach?.ExcludedRegions ?? []);
        }

        ImmutableArray<string> changed =
        [
            .. candidates.Where(r => RegionReach.For(Room.HomeRegion, before, r) != RegionReach.For(Room.HomeRegion, after, r)).Order(StringComparer.Ordinal),
        ];
        if (!changed.IsEmpty)
        {
            Enqueue(new GeoChanged(changed, after));
        }

        await RenewFeedsAsync();
    }

    /// <summary>Upserts the room into every feed it is visible in and removes it from the others.</summary>
    private async Task RenewFeedsAsync()
    {
        var visible = Room.Status == RoomStatus.Live ? VisibleRegions() : [];
        foreach (var region in _feedRegions.Except(visible).ToList())
        {
            await GrainFactory.GetGrain<IRegionFeedGrain>(region).Remove(RoomId);
            _feedRegions.Remove(region);
        }

        var viewers = ViewerTotal();
        foreach (var region in visible)
        {
            var reach = RegionReach.For(Room.HomeRegion, Room.Reach, region);
            await GrainFactory.GetGrain<IRegionFeedGrain>(region).Upsert(new FeedEntry(
                RoomId, Room.Title, Room.StreamerName, Room.HomeRegion, viewers, reach.Paid, reach.Paid ? Room.Reach?.BidCpm : null));
            _feedRegions.Add(region);
        }

        _feedsRenewedAt = Now;
    }

    private HashSet<string> VisibleRegions()
    {
        var regions = new HashSet<string>(Room.Reach?.Regions ?? [], StringComparer.Ordinal) { Room.HomeRegion };
        regions.RemoveWhere(r => !RegionReach.For(Room.HomeRegion, Room.Reach, r).Visible);
        return regions;
    }

    private async Task OnLiveStatusChangedAsync()
    {
        await RenewFeedsAsync();
        if (Room.Status == RoomStatus.Live)
        {
            await this.RegisterOrUpdateReminder(AliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    private async Task RenewFeedsIfDueAsync()
    {
        if (Room.Status == RoomStatus.Live && Now - _feedsRenewedAt >= _feeds.RefreshInterval)
        {
            await RenewFeedsAsync();
        }
    }

    private void RecordMetrics(ImmutableArray<MetricsDelta> deltas)
    {
        if (!deltas.IsDefaultOrEmpty)
        {
            _ = GrainFactory.GetGrain<IRoomMetricsGrain>(RoomId).Record(deltas);
        }
    }

    private void RecordViewersByRegion()
    {
        var byRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in _nodes.Values)
        {
            foreach (var (region, count) in node.ViewersByRegion)
            {
                byRegion[region] = byRegion.GetValueOrDefault(region) + count;
            }
        }

        foreach (var region in _lastViewersByRegion.Keys.Except(byRegion.Keys).ToList())
        {
            byRegion[region] = 0;
        }

        RecordMetrics([.. byRegion.Where(r => _lastViewersByRegion.GetValueOrDefault(r.Key, -1) != r.Value).Select(r => new MetricsDelta(r.Key, ViewersNow: r.Value))]);
        _lastViewersByRegion = byRegion;
    }
}

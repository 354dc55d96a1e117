using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The room's reach, sequenced: it keeps the room's entries in the region feeds it is visible in,
/// tells the nodes which regions' <c>geo</c> changed, and forwards counts to its metrics.
/// </summary>
public sealed partial class LiveRoomGrain
{
    private const string AliveReminder = "alive";

    public Task<ReachView> SetReach(Actor actor, ReachSetting setting) =>
        ChangeReachAsync(actor, reach => reach.Set(setting));

    public Task<ReachView> SetReachPaused(Actor actor, bool paused) =>
        ChangeReachAsync(actor, reach => reach.SetPaused(paused));

    private async Task<ReachView> ChangeReachAsync(Actor actor, Func<IRoomReachGrain, Task<ReachView>> change)
    {
        Room.EnsureExists(RoomId);
        if (!Room.IsOwner(actor) && Room.MerchantId != actor.UserId)
        {
            throw new BroadcartException(ErrorCodes.Forbidden, "only the room's streamer or its merchant may change its reach");
        }

        var before = Room.Reach;
        var after = await change(GrainFactory.GetGrain<IRoomReachGrain>(RoomId));
        if (before is not null && after.Version == before.Version)
        {
            return after;
        }

        Room.Reach = after;
        await WriteAsync();
        await PublishReachAsync(before, after);
        return after;
    }

    public async Task OnReachChanged(ReachView reach)
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
        var changed = ReachChanges.Regions(Room.HomeRegion, before, after);
        if (!changed.IsEmpty)
        {
            Enqueue(new GeoChanged(changed, after));
        }

        await RenewFeedsAsync();
    }

    private Task RenewFeedsAsync() => _feeds.RenewAsync(Room, _nodes.ViewerTotal(), Now);

    private async Task OnLiveStatusChangedAsync()
    {
        await RenewFeedsAsync();
        if (Room.Status == RoomStatus.Live)
        {
            await this.RegisterOrUpdateReminder(AliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    private void RecordMetrics(ImmutableArray<MetricsDelta> deltas)
    {
        if (!deltas.IsDefaultOrEmpty)
        {
            _ = GrainFactory.GetGrain<IRoomMetricsGrain>(RoomId).Record(deltas);
        }
    }
}

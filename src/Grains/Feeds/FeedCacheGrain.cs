using System.Collections.Immutable;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Broadcart.Grains.Feeds;

/// <summary>
/// One per silo and region: serves the ranked list for up to <see cref="FeedOptions.CacheTtl"/>
/// and counts each listed room as an impression. A paid room is listed only while this cache
/// holds impressions leased from the room's reach; every <see cref="FeedOptions.ChargeInterval"/>
/// the cache settles what it served and leases again, sized to its recent demand, and records all
/// impressions in the room's metrics. So spend never passes the budget, and one feed request costs
/// no grain call beyond its silo except when a lease runs out between settlements (docs/feeds.md).
/// </summary>
[StatelessWorker(1)]
public sealed class FeedCacheGrain(IOptions<FeedOptions> options, TimeProvider time, ILogger<FeedCacheGrain> log) : Grain, IFeedCacheGrain
{
    private readonly Dictionary<string, Served> _served = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Allowance> _allowance = new(StringComparer.Ordinal);

    // Rooms whose reach had nothing left to lease this interval: not asked again until the next settlement.
    private readonly HashSet<string> _dry = new(StringComparer.Ordinal);
    private ImmutableArray<FeedEntry> _list = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    private string Region => this.GetPrimaryKeyString();

    // Each activation holds its own leases: a new one on the same silo starts without them, and
    // the old one's lapse after the lease TTL.
    private string Holder => $"{RuntimeIdentity}/{GrainContext.ActivationId}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SettleAllAsync, new GrainTimerCreationOptions(options.Value.ChargeInterval, options.Value.ChargeInterval));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SettleAllAsync(closing: true);

    public async Task<ImmutableArray<FeedEntry>> Get(int limit)
    {
        var now = time.GetUtcNow();
        if (now - _fetchedAt >= options.Value.CacheTtl)
        {
            _list = await GrainFactory.GetGrain<IRegionFeedGrain>(Region).List();
            _fetchedAt = now;
        }

        var wanted = Math.Clamp(limit, 1, options.Value.MaxLimit);
        var page = ImmutableArray.CreateBuilder<FeedEntry>(wanted);
        foreach (var entry in _list)
        {
            if (page.Count == wanted)
            {
                break;
            }

            var served = _served.GetValueOrDefault(entry.RoomId);
            if (!entry.Paid)
            {
                _served[entry.RoomId] = served with { Organic = served.Organic + 1 };
                page.Add(entry);
                continue;
            }

            _served[entry.RoomId] = served with { Demand = served.Demand + 1 };
            if (!Usable(entry.RoomId, now) && !_dry.Contains(entry.RoomId))
            {
                await SettleAsync(entry.RoomId);
            }

            if (Usable(entry.RoomId, now))
            {
                var allowance = _allowance[entry.RoomId];
                _allowance[entry.RoomId] = allowance with { Left = allowance.Left - 1 };
                served = _served[entry.RoomId];
                _served[entry.RoomId] = served with { Paid = served.Paid + 1 };
                page.Add(entry);
            }
        }

        return page.ToImmutable();
    }

    private Task SettleAllAsync(CancellationToken cancellationToken) => SettleAllAsync(closing: false);

    private async Task SettleAllAsync(bool closing)
    {
        _dry.Clear();
        foreach (var (roomId, served) in _served.ToArray())
        {
            if (served.Organic + served.Paid > 0)
            {
                _ = GrainFactory.GetGrain<IRoomMetricsGrain>(roomId).Record(
                    [new MetricsDelta(Region, OrganicImpressions: served.Organic, PaidImpressions: served.Paid)]);
                _served[roomId] = served with { Organic = 0 };
            }
        }

        foreach (var roomId in _allowance.Keys.Union(_served.Where(s => s.Value.Paid > 0).Select(s => s.Key)).ToList())
        {
            await SettleAsync(roomId, closing);
        }

        foreach (var (roomId, served) in _served.ToArray())
        {
            if (served.Paid == 0)
            {
                _served.Remove(roomId);
            }
        }
    }

    /// <summary>Bills what this cache served of the room and leases what its demand says it will serve next.</summary>
    private async Task SettleAsync(string roomId, bool closing = false)
    {
        var served = _served.GetValueOrDefault(roomId);
        var wanted = closing || served.Demand == 0 ? 0 : Math.Clamp(2 * served.Demand, options.Value.MinLease, options.Value.MaxLease);
        try
        {
            var lease = await GrainFactory.GetGrain<IRoomReachGrain>(roomId).Settle(Region, Holder, served.Paid, wanted);
            _served[roomId] = served with { Paid = 0, Demand = 0 };
            if (lease.Granted > 0)
            {
                // Half the reach's lease TTL: the cache stops serving a lease well before the reach
                // could give it to another cache, whatever delays its settlement.
                _allowance[roomId] = new Allowance(lease.Granted, time.GetUtcNow() + options.Value.LeaseTtl / 2);
            }
            else
            {
                _allowance.Remove(roomId);
                if (wanted > 0)
                {
                    _dry.Add(roomId);
                }
            }

            if (!lease.PaidInRegion)
            {
                _list = _list.RemoveAll(e => e.RoomId == roomId && e.Paid);
            }
        }
        catch (Exception ex)
        {
            // Served is served: the count stays and is settled with the next attempt. What is left
            // of the lease serves until it lapses; then the room is not listed as paid here until
            // a settlement lands.
            _dry.Add(roomId);
            log.LogWarning(ex, "Could not settle {Paid} impressions of room {RoomId} in {Region}", served.Paid, roomId, Region);
        }
    }

    private bool Usable(string roomId, DateTimeOffset now) =>
        _allowance.TryGetValue(roomId, out var allowance) && allowance.Left > 0 && now < allowance.Until;

    private readonly record struct Served(long Organic, long Paid, long Demand);

    private readonly record struct Allowance(long Left, DateTimeOffset Until);
}

using System.Collections.Immutable;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Broadcart.Grains.Feeds;

/// <summary>
/// One per silo and region: serves the ranked list for up to <see cref="FeedOptions.CacheTtl"/>,
/// counts each listed room as an impression, and every <see cref="FeedOptions.ChargeInterval"/>
/// charges the paid ones to the room's reach and records all of them in the room's metrics. A
/// charge that exhausts a budget drops the room from this cache at once; other silos' caches
/// drop it at their next refresh. That is the overspend bound (docs/architecture.md).
/// </summary>
[StatelessWorker(1)]
public sealed class FeedCacheGrain(IOptions<FeedOptions> options, TimeProvider time, ILogger<FeedCacheGrain> log) : Grain, IFeedCacheGrain
{
    private readonly Dictionary<string, (long Organic, long Paid)> _served = new(StringComparer.Ordinal);
    private ImmutableArray<FeedEntry> _list = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    private string Region => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(ChargeAsync, new GrainTimerCreationOptions(options.Value.ChargeInterval, options.Value.ChargeInterval));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => ChargeAsync(cancellationToken);

    public async Task<ImmutableArray<FeedEntry>> Get(int limit)
    {
        var now = time.GetUtcNow();
        if (now - _fetchedAt >= options.Value.CacheTtl)
        {
            _list = await GrainFactory.GetGrain<IRegionFeedGrain>(Region).List();
            _fetchedAt = now;
        }

        var page = _list.Take(Math.Clamp(limit, 1, options.Value.MaxLimit)).ToImmutableArray();
        foreach (var entry in page)
        {
            var (organic, paid) = _served.GetValueOrDefault(entry.RoomId);
            _served[entry.RoomId] = entry.Paid ? (organic, paid + 1) : (organic + 1, paid);
        }

        return page;
    }

    private async Task ChargeAsync(CancellationToken cancellationToken)
    {
        foreach (var (roomId, (organic, paid)) in _served.ToArray())
        {
            _served.Remove(roomId);
            _ = GrainFactory.GetGrain<IRoomMetricsGrain>(roomId).Record(
                [new MetricsDelta(Region, OrganicImpressions: organic, PaidImpressions: paid)]);
            if (paid == 0)
            {
                continue;
            }

            try
            {
                var reach = await GrainFactory.GetGrain<IRoomReachGrain>(roomId).Charge(Region, paid);
                if (!reach.IsPaidIn(Region))
                {
                    _list = _list.RemoveAll(e => e.RoomId == roomId && e.Paid);
                }
            }
            catch (Exception ex)
            {
                // Served is served: keep the count and charge it with the next batch.
                var (o, p) = _served.GetValueOrDefault(roomId);
                _served[roomId] = (o, p + paid);
                log.LogWarning(ex, "Could not charge {Paid} impressions of room {RoomId} in {Region}", paid, roomId, Region);
            }
        }
    }
}

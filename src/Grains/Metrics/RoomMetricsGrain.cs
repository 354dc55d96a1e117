using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// A room's counters by region and minute. Deltas arrive one-way and in batches; the state is
/// written behind every few seconds and on deactivation, so a crash can lose only the last seconds
/// of counts, never an order or a charge (those are durable in their own grains).
/// </summary>
public sealed class RoomMetricsGrain(
    [PersistentState("metrics", StorageNames.Default)] IPersistentState<RoomMetricsState> state,
    TimeProvider time,
    ILogger<RoomMetricsGrain> log) : Grain, IRoomMetricsGrain
{
    private static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(5);
    private const long MinutesKept = 24 * 60;
    private bool _dirty;

    private RoomMetricsState Metrics => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(WriteBehind, WriteBehind));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public Task Record(ImmutableArray<MetricsDelta> deltas)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        foreach (var delta in deltas.IsDefault ? [] : deltas)
        {
            Bucket(Metrics.ByRegion, delta.Region).Add(delta);
            Bucket(Metrics.ByMinute, $"{minute}|{delta.Region}").Add(delta);
            if (delta.ViewersNow is { } viewers)
            {
                Metrics.ViewersNow[delta.Region] = viewers;
                Metrics.PeakViewers = Math.Max(Metrics.PeakViewers, Metrics.ViewersNow.Values.Sum());
            }
        }

        Metrics.Version++;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<MetricsReport> Get()
    {
        var total = new Counters();
        foreach (var region in Metrics.ByRegion.Values)
        {
            total.Add(region);
        }

        var byMinute = Metrics.ByMinute
            .Select(kv => (Key: kv.Key.Split('|'), kv.Value))
            .Select(x => new MinuteFigures(DateTimeOffset.FromUnixTimeSeconds(long.Parse(x.Key[0]) * 60), x.Key[1], x.Value.ToFigures()))
            .OrderBy(m => m.Minute).ThenBy(m => m.Region, StringComparer.Ordinal);
        return Task.FromResult(new MetricsReport(
            this.GetPrimaryKeyString(),
            Metrics.Version,
            total.ToFigures(Metrics.PeakViewers),
            [.. Metrics.ByRegion.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RegionFigures(r.Key, r.Value.ToFigures()))],
            [.. byMinute]));
    }

    private static Counters Bucket(Dictionary<string, Counters> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var counters))
        {
            counters = new Counters();
            buckets[key] = counters;
        }

        return counters;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        var oldest = (time.GetUtcNow().ToUnixTimeSeconds() / 60) - MinutesKept;
        foreach (var key in Metrics.ByMinute.Keys.Where(k => long.Parse(k.Split('|')[0]) < oldest).ToList())
        {
            Metrics.ByMinute.Remove(key);
        }

        try
        {
            await state.WriteStateAsync();
            _dirty = false;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not write metrics of room {RoomId}; next tick retries", this.GetPrimaryKeyString());
        }
    }
}

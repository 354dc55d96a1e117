using System.Collections.Immutable;
using System.Globalization;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// A room's counters by region and minute (the live view) and by region and hour (the report).
/// Deltas arrive one-way and in batches; the state is written behind every few seconds and on
/// deactivation, so a crash can lose only the last seconds of counts, never an order or a charge
/// (those are durable in their own grains). Attributed orders are the exception: each is written
/// before it is acknowledged, because the order notes that it was counted and never sends it again.
/// </summary>
public sealed class RoomMetricsGrain(
    [PersistentState("metrics", StorageNames.Default)] IPersistentState<RoomMetricsState> state,
    TimeProvider time,
    IReportStore reports,
    IExchangeRates rates,
    IOptions<AttributionOptions> attribution,
    ILogger<RoomMetricsGrain> log) : Grain, IRoomMetricsGrain
{
    private static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(5);
    private const long MinutesKept = 24 * 60;
    private bool _dirty;

    private RoomMetricsState Metrics => state.State;

    private string RoomId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(WriteBehind, WriteBehind));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public Task Record(ImmutableArray<MetricsDelta> deltas)
    {
        var now = time.GetUtcNow();
        foreach (var delta in deltas.IsDefault ? [] : deltas)
        {
            Apply(delta, now);
            if (delta.ViewersNow is { } viewers)
            {
                Metrics.ViewersNow[delta.Region] = viewers;
                Metrics.PeakViewers = Math.Max(Metrics.PeakViewers, Metrics.ViewersNow.Values.Sum());
            }

            if (!delta.Viewers.IsDefaultOrEmpty)
            {
                var region = Sketch(Metrics.ViewersByRegion, delta.Region);
                var hour = Sketch(Metrics.ViewersByHour, HourOf(now).ToString(CultureInfo.InvariantCulture));
                foreach (var userId in delta.Viewers)
                {
                    region.Add(userId);
                    hour.Add(userId);
                }
            }
        }

        Metrics.Version++;
        _dirty = true;
        return Task.CompletedTask;
    }

    public async Task RecordAttribution(AttributedOrder order)
    {
        if (!Metrics.AttributedOrders.TryAdd(order.OrderId, false))
        {
            return;
        }

        await ApplyAttributionAsync(order, sign: 1, undo: () => Metrics.AttributedOrders.Remove(order.OrderId));
    }

    public async Task ReverseAttribution(AttributedOrder order)
    {
        if (Metrics.AttributedOrders.GetValueOrDefault(order.OrderId, true))
        {
            return;
        }

        Metrics.AttributedOrders[order.OrderId] = true;
        await ApplyAttributionAsync(order, sign: -1, undo: () => Metrics.AttributedOrders[order.OrderId] = false);
    }

    private async Task ApplyAttributionAsync(AttributedOrder order, int sign, Action undo)
    {
        var revenue = order.Revenue with { AmountMinor = sign * order.Revenue.AmountMinor };
        var delta = order.Window == AttributionWindow.ClickThrough
            ? new MetricsDelta(order.Region, ClickThroughOrders: sign, ClickThroughRevenue: revenue)
            : new MetricsDelta(order.Region, ViewThroughOrders: sign, ViewThroughRevenue: revenue);
        Apply(delta, order.At);
        Metrics.Version++;
        try
        {
            await state.WriteStateAsync();
            _dirty = false;
        }
        catch
        {
            // Not durable, so not counted: the order asks again. Other counts made meanwhile stay for the next tick.
            Apply(delta with
            {
                ClickThroughOrders = -delta.ClickThroughOrders,
                ClickThroughRevenue = delta.ClickThroughRevenue is { } c ? c with { AmountMinor = -c.AmountMinor } : null,
                ViewThroughOrders = -delta.ViewThroughOrders,
                ViewThroughRevenue = delta.ViewThroughRevenue is { } v ? v with { AmountMinor = -v.AmountMinor } : null,
            }, order.At);
            undo();
            _dirty = true;
            throw;
        }
    }

    public async Task RoomEnded(DateTimeOffset endedAt)
    {
        try
        {
            await ArchiveReport(endedAt);
        }
        catch (Exception ex)
        {
            // The next tick tries again, and so does the first request for the report.
            log.LogWarning(ex, "Could not store the report of room {RoomId}", RoomId);
        }
    }

    public async Task<ReportData> ArchiveReport(DateTimeOffset endedAt)
    {
        if (Metrics.EndedAt is null)
        {
            Metrics.EndedAt = endedAt;
            Metrics.Version++;
            _dirty = true;
        }

        var data = ReportData();
        if (Metrics.ArchivedVersion != Metrics.Version)
        {
            await StoreAsync(data);
        }

        return data;
    }

    public Task<ReportData> GetReportData() => Task.FromResult(ReportData());

    public Task<MetricsReport> Get()
    {
        var total = new Counters();
        foreach (var region in Metrics.ByRegion.Values)
        {
            total.Add(region);
        }

        var byMinute = Metrics.ByMinute
            .Select(kv => (Key: kv.Key.Split('|'), kv.Value))
            .Select(x => new MinuteFigures(DateTimeOffset.FromUnixTimeSeconds(long.Parse(x.Key[0], CultureInfo.InvariantCulture) * 60), x.Key[1], x.Value.ToFigures()))
            .OrderBy(m => m.Minute).ThenBy(m => m.Region, StringComparer.Ordinal);
        return Task.FromResult(new MetricsReport(
            RoomId,
            Metrics.Version,
            total.ToFigures(Metrics.PeakViewers, ViewerSketch.Union(Metrics.ViewersByRegion.Values).Count()),
            [.. Metrics.ByRegion.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new RegionFigures(r.Key, r.Value.ToFigures(uniqueViewers: Metrics.ViewersByRegion.GetValueOrDefault(r.Key)?.Count() ?? 0)))],
            [.. byMinute]));
    }

    private ReportData ReportData() => new(
        RoomId,
        Metrics.Version,
        Metrics.EndedAt,
        ViewerSketch.Union(Metrics.ViewersByRegion.Values).Count(),
        [.. Metrics.ViewersByRegion.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ViewerCount(r.Key, r.Value.Count()))],
        [.. Metrics.ViewersByHour.OrderBy(h => long.Parse(h.Key, CultureInfo.InvariantCulture))
            .Select(h => new ViewerCount(HourStart(long.Parse(h.Key, CultureInfo.InvariantCulture)).ToString("O", CultureInfo.InvariantCulture), h.Value.Count()))],
        [.. Metrics.ByHour
            .Select(kv => (Key: kv.Key.Split('|'), kv.Value))
            .Select(x => x.Value.ToCell(HourStart(long.Parse(x.Key[0], CultureInfo.InvariantCulture)), x.Key[1]))
            .OrderBy(c => c.Hour).ThenBy(c => c.Region, StringComparer.Ordinal)]);

    /// <summary>The raw figures and the report in the room's own currency, in Blob Storage (or nowhere: then this state is the report).</summary>
    private async Task StoreAsync(ReportData data)
    {
        var version = Metrics.Version;
        if (reports.IsConfigured)
        {
            var windows = new AttributionWindows((long)attribution.Value.ClickWindow.TotalSeconds, (long)attribution.Value.ViewWindow.TotalSeconds);
            CampaignReport? native = null;
            try
            {
                native = await CampaignReports.BuildAsync(data, CampaignReports.NativeCurrency(data), rates, windows, CampaignReports.Archive);
            }
            catch (BroadcartException e) when (e.Code == ErrorCodes.ValidationFailed)
            {
                // A spend currency the rates do not give: the raw figures are stored all the same.
            }

            await reports.SaveAsync(RoomId, new StoredReport(data, native));
        }

        Metrics.ArchivedVersion = version;
        await state.WriteStateAsync();
        _dirty = false;
    }

    private void Apply(MetricsDelta delta, DateTimeOffset at)
    {
        Bucket(Metrics.ByRegion, delta.Region).Add(delta);
        var minute = at.ToUnixTimeSeconds() / 60;
        if (minute >= (time.GetUtcNow().ToUnixTimeSeconds() / 60) - MinutesKept)
        {
            Bucket(Metrics.ByMinute, $"{minute}|{delta.Region}").Add(delta);
        }

        Bucket(Metrics.ByHour, $"{HourOf(at)}|{delta.Region}").Add(delta);
    }

    private static long HourOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    private static DateTimeOffset HourStart(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600);

    private static Counters Bucket(Dictionary<string, Counters> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var counters))
        {
            counters = new Counters();
            buckets[key] = counters;
        }

        return counters;
    }

    private static ViewerSketch Sketch(Dictionary<string, ViewerSketch> sketches, string key)
    {
        if (!sketches.TryGetValue(key, out var sketch))
        {
            sketch = new ViewerSketch();
            sketches[key] = sketch;
        }

        return sketch;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        // An attribution writes the state itself, but the stored report of an ended room is behind it.
        var archiveBehind = Metrics.EndedAt is not null && Metrics.ArchivedVersion != Metrics.Version;
        if (!_dirty && !archiveBehind)
        {
            return;
        }

        var oldest = (time.GetUtcNow().ToUnixTimeSeconds() / 60) - MinutesKept;
        foreach (var key in Metrics.ByMinute.Keys.Where(k => long.Parse(k.Split('|')[0], CultureInfo.InvariantCulture) < oldest).ToList())
        {
            Metrics.ByMinute.Remove(key);
        }

        try
        {
            // Orders attributed after the end change the stored report: it is stored again.
            if (archiveBehind)
            {
                await StoreAsync(ReportData());
                return;
            }

            await state.WriteStateAsync();
            _dirty = false;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not write metrics of room {RoomId}; next tick retries", RoomId);
        }
    }
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Fx;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach.Pacing;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Reach;

/// <summary>
/// A room's paid reach, and the authority over its budget. Feed caches serve paid impressions
/// only from leases this grain set aside ahead of serving, so spend never passes the budget; a
/// lease whose cache went quiet returns after <see cref="FeedOptions.LeaseTtl"/>. When no whole
/// impression is left, the reach is exhausted and the room takes the paid regions out of their
/// feeds (docs/feeds.md). In auto mode <see cref="ReachPacer"/> also caps what may be leased by
/// now, and in each region.
/// </summary>
public sealed class RoomReachGrain(
    [PersistentState("reach", StorageNames.Default)] IPersistentState<RoomReachState> state,
    IOptions<FeedOptions> options,
    IExchangeRates rates,
    IOptions<AttributionOptions> attribution,
    TimeProvider time,
    ILogger<RoomReachGrain> log) : Grain, IRoomReachGrain
{
    /// <summary>A region no feed has asked to show the room in for this long lends its share to the others.</summary>
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(30);

    // Measured return by region from the last metrics snapshot, and which regions' feeds asked
    // lately: kept in memory only, a new activation measures again at its first lease.
    private Dictionary<string, (long Revenue, long Spend)> _measured = new(StringComparer.Ordinal);
    private DateTimeOffset _measuredAt = DateTimeOffset.MinValue;
    private readonly Dictionary<string, DateTimeOffset> _asked = new(StringComparer.Ordinal);

    private RoomReachState Reach => state.State;
    private string RoomId => this.GetPrimaryKeyString();
    private long Price => ReachPricing.MicrosPerImpression(Reach.BidCpm);

    public async Task<ReachView> Set(ReachSetting setting)
    {
        ReachRules.Validate(setting);
        if (Reach.Exists && Reach.SpendMicros > 0 && Reach.Budget.Currency != setting.Budget.Currency)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed,
                $"this room has already spent in {Reach.Budget.Currency}; the currency cannot change");
        }

        Reach.Exists = true;
        Reach.Regions = [.. (setting.Regions.IsDefault ? [] : setting.Regions).Distinct()];
        Reach.ExcludedRegions = [.. (setting.ExcludedRegions.IsDefault ? [] : setting.ExcludedRegions).Distinct()];
        Reach.Budget = setting.Budget;
        Reach.BidCpm = setting.BidCpm;

        // The pace runs from when auto mode began, over what was left then; a new setting in auto
        // mode (another budget or duration) keeps that start.
        if (setting.Mode == ReachMode.Auto && (Reach.Mode != ReachMode.Auto || Reach.PacedSince is null))
        {
            Reach.PacedSince = time.GetUtcNow();
            Reach.PacedFromMicros = Reach.SpendMicros;
            _measuredAt = DateTimeOffset.MinValue;
        }
        else if (setting.Mode == ReachMode.Manual)
        {
            Reach.PacedSince = null;
            Reach.PacedFromMicros = 0;
        }

        Reach.Mode = setting.Mode;
        Reach.PlannedMinutes = setting.Mode == ReachMode.Auto ? setting.PlannedMinutes : null;

        // Leases were set aside from the old budget at the old price: they are settled at that
        // price, and only whole-budget questions change here. A paused reach stays paused.
        Reach.Phase = Reach.Phase == ReachPhase.Paused ? ReachPhase.Paused : NoImpressionLeft() ? ReachPhase.Exhausted : ReachPhase.Active;
        Reach.Version++;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<ReachView?> Get()
    {
        await MeasureAsync();
        return Reach.Exists ? View() : null;
    }

    public async Task<ReachView> SetPaused(bool paused)
    {
        if (!Reach.Exists)
        {
            throw new BroadcartException(ErrorCodes.NotFound, "no reach is set for this room");
        }

        var target = paused ? ReachPhase.Paused : ReachPhase.Active;
        if (!paused && (Reach.Phase == ReachPhase.Exhausted || NoImpressionLeft()))
        {
            throw new BroadcartException(CommerceErrors.BudgetExhausted, "the budget is spent: raise it with PUT /reach to reach viewers again");
        }

        if (Reach.Phase == target || paused && Reach.Phase == ReachPhase.Exhausted)
        {
            return View();
        }

        Reach.Phase = target;
        Reach.Version++;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<ReachView> Charge(string region, long impressions)
    {
        if (!Reach.Exists || impressions <= 0)
        {
            return View();
        }

        ExpireLeases();
        _asked[region] = time.GetUtcNow();
        var cost = BillFromBudget(region, impressions);
        var exhaustedNow = ExhaustIfSpent();
        await state.WriteStateAsync();
        return Publish(region, cost, exhaustedNow);
    }

    public async Task<ReachLease> Settle(string region, string holder, long served, long wanted)
    {
        if (!Reach.Exists)
        {
            return new ReachLease(0, false);
        }

        ExpireLeases();
        if (wanted > 0)
        {
            _asked[region] = time.GetUtcNow();
        }

        await MeasureAsync();
        var lease = Reach.Leases.GetValueOrDefault(holder);
        Reach.Leases.Remove(holder);
        var fromLease = Math.Min(Math.Max(served, 0), lease?.Impressions ?? 0);
        var cost = Bill(lease?.Region ?? region, fromLease, lease?.MicrosPerImpression ?? Price);

        // Served past its lease (the lease expired while the cache could not settle).
        cost += BillFromBudget(region, Math.Max(served, 0) - fromLease);

        var granted = View().IsPaidIn(region) ? Math.Min(Math.Max(wanted, 0), Math.Min(Unleased(), PacedRoom(region)) / Price) : 0;
        if (granted > 0)
        {
            Reach.Leases[holder] = new ImpressionLease(region, granted, Price, time.GetUtcNow());
        }

        var exhaustedNow = ExhaustIfSpent();
        if (served > 0 || granted > 0 || lease is not null || exhaustedNow)
        {
            await state.WriteStateAsync();
        }

        Publish(region, cost, exhaustedNow);
        return new ReachLease(granted, granted > 0 || View().IsPaidIn(region));
    }

    /// <summary>
    /// Impressions served without a lease: paid from the unleased budget while the reach runs (and,
    /// in auto mode, within the pace), the rest recorded as unbilled.
    /// </summary>
    private long BillFromBudget(string region, long impressions)
    {
        var payable = Math.Min(Unleased(), PacedFree());
        var billed = Reach.Phase == ReachPhase.Active ? Math.Min(impressions, payable / Price) : 0;
        Reach.UnbilledImpressions += impressions - billed;
        return Bill(region, billed, Price);
    }

    private long Bill(string region, long impressions, long price)
    {
        var cost = checked(impressions * price);
        Reach.SpendMicros = checked(Reach.SpendMicros + cost);
        Reach.PaidImpressions += impressions;
        if (cost > 0)
        {
            Reach.SpendByRegion[region] = checked(Reach.SpendByRegion.GetValueOrDefault(region) + cost);
        }

        return cost;
    }

    /// <summary>The auto pacer's plan for now; null in manual mode.</summary>
    private PacingPlan? Plan()
    {
        if (Reach.Mode != ReachMode.Auto || Reach.PacedSince is not { } since)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var regions = Reach.Regions.Where(r => !Reach.ExcludedRegions.Contains(r)).Select(r =>
        {
            var measured = _measured.GetValueOrDefault(r);
            var idle = !_asked.TryGetValue(r, out var at) || now - at > IdleAfter;
            return new RegionReturn(r, measured.Revenue, measured.Spend, idle);
        });
        return ReachPacer.Plan(new PacingInput(
            ReachPricing.Micros(Reach.Budget), Reach.PlannedMinutes ?? 1, now - since, Reach.PacedFromMicros, Reach.SpendMicros, [.. regions]));
    }

    private long Committed() => Reach.SpendMicros + Reach.Leases.Values.Sum(l => l.Micros);

    /// <summary>What the pace leaves to spend or lease now, over all regions; unbounded in manual mode.</summary>
    private long PacedFree() => Plan() is { } plan ? Math.Max(0, plan.AllowedMicros - Committed()) : long.MaxValue;

    /// <summary>What the pace and the region's share leave to lease in <paramref name="region"/> now; unbounded in manual mode.</summary>
    private long PacedRoom(string region)
    {
        if (Plan() is not { } plan)
        {
            return long.MaxValue;
        }

        var committed = Reach.SpendByRegion.GetValueOrDefault(region) + Reach.Leases.Values.Where(l => l.Region == region).Sum(l => l.Micros);
        var cap = plan.For(region)?.CapMicros ?? 0;
        return Math.Max(0, Math.Min(plan.AllowedMicros - Committed(), cap - committed));
    }

    /// <summary>
    /// Reads the return measured so far, at most every <see cref="FeedOptions.MeasureInterval"/>:
    /// revenue and spend by region from one snapshot of the room's metrics.
    /// </summary>
    private async Task MeasureAsync()
    {
        var now = time.GetUtcNow();
        if (!Reach.Exists || Reach.Mode != ReachMode.Auto || now - _measuredAt < options.Value.MeasureInterval)
        {
            return;
        }

        _measuredAt = now;
        try
        {
            // The return is what the report calls it: paid orders attributed to this room (placed
            // here or later, clicked or viewed), converted into the budget's currency at each
            // order day's rate, against what each region's impressions cost.
            var data = await GrainFactory.GetGrain<IRoomMetricsGrain>(RoomId).GetReportData();
            var windows = new AttributionWindows((long)attribution.Value.ClickWindow.TotalSeconds, (long)attribution.Value.ViewWindow.TotalSeconds);
            var report = await CampaignReports.BuildAsync(data, Reach.Budget.Currency, rates, windows, CampaignReports.Computed);
            _measured = report.ByRegion.ToDictionary(
                r => r.Region,
                r => (ReachPricing.Micros(r.Figures.Attributed.Revenue), r.Figures.SpendMicros),
                StringComparer.Ordinal);
        }
        catch (Exception ex)
        {
            // Pacing goes on with the last figures; the next interval reads again.
            log.LogWarning(ex, "Could not read the measured return of room {RoomId}", RoomId);
        }
    }

    private ReachView Publish(string region, long cost, bool exhaustedNow)
    {
        var view = View();
        if (cost > 0)
        {
            _ = GrainFactory.GetGrain<IRoomMetricsGrain>(RoomId).Record(
                [new MetricsDelta(region, SpendMicros: cost, SpendCurrency: Reach.Budget.Currency)]);
        }

        if (exhaustedNow)
        {
            _ = GrainFactory.GetGrain<ILiveRoomGrain>(RoomId).OnReachChanged(view);
        }

        return view;
    }

    private void ExpireLeases()
    {
        var cutoff = time.GetUtcNow() - options.Value.LeaseTtl;
        foreach (var holder in Reach.Leases.Where(l => l.Value.GrantedAt < cutoff).Select(l => l.Key).ToList())
        {
            Reach.Leases.Remove(holder);
        }
    }

    /// <summary>Budget neither spent nor set aside for a cache, in micro-units.</summary>
    private long Unleased() => Math.Max(0, ReachPricing.Micros(Reach.Budget) - Reach.SpendMicros - Reach.Leases.Values.Sum(l => l.Micros));

    private bool NoImpressionLeft() => ReachPricing.Micros(Reach.Budget) - Reach.SpendMicros < Price;

    /// <summary>Exhausted once not even one impression is left unspent, counting nothing still leased.</summary>
    private bool ExhaustIfSpent()
    {
        if (Reach.Phase != ReachPhase.Active || !NoImpressionLeft())
        {
            return false;
        }

        Reach.Phase = ReachPhase.Exhausted;
        Reach.Leases.Clear();
        Reach.Version++;
        return true;
    }

    private ReachView View() => new(
        RoomId, [.. Reach.Regions], [.. Reach.ExcludedRegions], Reach.Budget, Reach.BidCpm, Reach.SpendMicros,
        Reach.PaidImpressions, Reach.Phase, Reach.Version, Reach.UnbilledImpressions, Reach.Mode, Reach.PlannedMinutes,
        Plan() is { } plan ? [.. plan.Regions.Select(r => new RegionAllocation(r.Region, r.Share, r.Roi))] : []);
}

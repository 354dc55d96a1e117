using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Reach;

/// <summary>
/// A room's paid reach, and the authority over its budget. Feed caches serve paid impressions
/// only from leases this grain set aside ahead of serving, so spend never passes the budget; a
/// lease whose cache went quiet returns after <see cref="FeedOptions.LeaseTtl"/>. When no whole
/// impression is left, the reach is exhausted and the room takes the paid regions out of their
/// feeds (docs/feeds.md).
/// </summary>
public sealed class RoomReachGrain(
    [PersistentState("reach", StorageNames.Default)] IPersistentState<RoomReachState> state,
    IOptions<FeedOptions> options,
    TimeProvider time) : Grain, IRoomReachGrain
{
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

        // Leases were set aside from the old budget at the old price: they are settled at that
        // price, and only whole-budget questions change here. A paused reach stays paused.
        Reach.Phase = Reach.Phase == ReachPhase.Paused ? ReachPhase.Paused : NoImpressionLeft() ? ReachPhase.Exhausted : ReachPhase.Active;
        Reach.Version++;
        await state.WriteStateAsync();
        return View();
    }

    public Task<ReachView?> Get() => Task.FromResult(Reach.Exists ? View() : null);

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
        var cost = BillFromBudget(impressions);
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
        var lease = Reach.Leases.GetValueOrDefault(holder);
        Reach.Leases.Remove(holder);
        var fromLease = Math.Min(Math.Max(served, 0), lease?.Impressions ?? 0);
        var cost = Bill(fromLease, lease?.MicrosPerImpression ?? Price);

        // Served past its lease (the lease expired while the cache could not settle).
        cost += BillFromBudget(Math.Max(served, 0) - fromLease);

        var granted = View().IsPaidIn(region) ? Math.Min(Math.Max(wanted, 0), Unleased() / Price) : 0;
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

    /// <summary>Impressions served without a lease: paid from the unleased budget while the reach runs, the rest recorded as unbilled.</summary>
    private long BillFromBudget(long impressions)
    {
        var billed = Reach.Phase == ReachPhase.Active ? Math.Min(impressions, Unleased() / Price) : 0;
        Reach.UnbilledImpressions += impressions - billed;
        return Bill(billed, Price);
    }

    private long Bill(long impressions, long price)
    {
        var cost = checked(impressions * price);
        Reach.SpendMicros = checked(Reach.SpendMicros + cost);
        Reach.PaidImpressions += impressions;
        return cost;
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
        Reach.PaidImpressions, Reach.Phase, Reach.Version, Reach.UnbilledImpressions);
}

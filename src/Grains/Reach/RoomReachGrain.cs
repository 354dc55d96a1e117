using Broadcart.Grains.Common;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Reach;

/// <summary>
/// A room's paid reach. Feed caches charge it in batches; the charge that spends the budget
/// exhausts it and tells the room, which takes the paid regions out of their feeds.
/// </summary>
public sealed class RoomReachGrain(
    [PersistentState("reach", StorageNames.Default)] IPersistentState<RoomReachState> state) : Grain, IRoomReachGrain
{
    private RoomReachState Reach => state.State;
    private string RoomId => this.GetPrimaryKeyString();

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
        Reach.Phase = Exhausted() ? ReachPhase.Exhausted : ReachPhase.Active;
        Reach.Version++;
        await state.WriteStateAsync();
        return View();
    }

    public Task<ReachView?> Get() => Task.FromResult(Reach.Exists ? View() : null);

    public async Task<ReachView> Charge(string region, long impressions)
    {
        if (!Reach.Exists || impressions <= 0)
        {
            return View();
        }

        var cost = checked(impressions * ReachPricing.MicrosPerImpression(Reach.BidCpm));
        Reach.SpendMicros = checked(Reach.SpendMicros + cost);
        Reach.PaidImpressions += impressions;
        var exhaustedNow = Reach.Phase == ReachPhase.Active && Exhausted();
        if (exhaustedNow)
        {
            Reach.Phase = ReachPhase.Exhausted;
            Reach.Version++;
        }

        await state.WriteStateAsync();
        var view = View();
        _ = GrainFactory.GetGrain<IRoomMetricsGrain>(RoomId).Record(
            [new MetricsDelta(region, SpendMicros: cost, SpendCurrency: Reach.Budget.Currency)]);
        if (exhaustedNow)
        {
            _ = GrainFactory.GetGrain<ILiveRoomGrain>(RoomId).OnReachChanged(view);
        }

        return view;
    }

    private bool Exhausted() => Reach.SpendMicros >= ReachPricing.Micros(Reach.Budget);

    private ReachView View() => new(
        RoomId, [.. Reach.Regions], [.. Reach.ExcludedRegions], Reach.Budget, Reach.BidCpm, Reach.SpendMicros,
        Reach.PaidImpressions, Reach.Phase, Reach.Version);
}

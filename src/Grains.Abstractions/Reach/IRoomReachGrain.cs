namespace Broadcart.Grains.Reach;

/// <summary>A room's paid reach, keyed by room id. Charged in batches by the feed caches.</summary>
[Alias("Broadcart.IRoomReachGrain")]
public interface IRoomReachGrain : IGrainWithStringKey
{
    /// <summary>Called by the room (which checks who may); returns the new view.</summary>
    [Alias("Set")]
    Task<ReachView> Set(ReachSetting setting);

    [Alias("Get")]
    Task<ReachView?> Get();

    /// <summary>
    /// Charges <paramref name="impressions"/> paid impressions served in <paramref name="region"/>
    /// without a lease (the uncached path): what the budget cannot pay is recorded as unbilled.
    /// </summary>
    [Alias("Charge")]
    Task<ReachView> Charge(string region, long impressions);

    /// <summary>
    /// A feed cache's settlement: bills the <paramref name="served"/> paid impressions against its
    /// lease (what the lease does not cover is paid from the budget left, or recorded as unbilled),
    /// returns the rest of the lease to the budget and grants a new lease of up to
    /// <paramref name="wanted"/> impressions. Spend never passes the budget.
    /// </summary>
    [Alias("Settle")]
    Task<ReachLease> Settle(string region, string holder, long served, long wanted);

    /// <summary>Called by the room (which checks who may): pause or resume the paid reach.</summary>
    [Alias("SetPaused")]
    Task<ReachView> SetPaused(bool paused);
}

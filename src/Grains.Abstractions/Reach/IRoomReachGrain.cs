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

    /// <summary>Charges <paramref name="impressions"/> paid impressions served in <paramref name="region"/>.</summary>
    [Alias("Charge")]
    Task<ReachView> Charge(string region, long impressions);
}

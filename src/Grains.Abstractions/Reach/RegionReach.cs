namespace Broadcart.Grains.Reach;

/// <summary>Whether a room reaches a region, and why: the one rule feeds, geo events and orders share.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RegionReach")]
public sealed record RegionReach(
    [property: Id(0)] bool Visible,
    [property: Id(1)] bool Paid,
    [property: Id(2)] string Reason)
{
    public const string Organic = "organic";
    public const string PaidReach = "paid_reach";
    public const string Excluded = "excluded";
    public const string BudgetExhausted = "budget_exhausted";
    public const string NotTargeted = "not_targeted";

    /// <summary>
    /// Exclusion wins over everything, the home region included; a paid region is reached while
    /// the budget lasts; the home region is reached organically; nothing else is.
    /// </summary>
    public static RegionReach For(string homeRegion, ReachView? reach, string region)
    {
        if (reach is not null && reach.Excludes(region))
        {
            return new(false, false, Excluded);
        }

        if (reach is not null && reach.IsPaidIn(region))
        {
            return new(true, true, PaidReach);
        }

        if (region == homeRegion)
        {
            return new(true, false, Organic);
        }

        return reach is not null && reach.Regions.Contains(region) && reach.Phase == ReachPhase.Exhausted
            ? new(false, false, BudgetExhausted)
            : new(false, false, NotTargeted);
    }
}

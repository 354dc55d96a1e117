using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Reach;

/// <summary>
/// A room's reach and what it has cost. Spend is kept in micro-units (millionths of the major
/// unit), so that a CPM divided by 1000 never rounds.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ReachView")]
public sealed record ReachView(
    [property: Id(0)] string RoomId,
    [property: Id(1)] ImmutableArray<string> Regions,
    [property: Id(2)] ImmutableArray<string> ExcludedRegions,
    [property: Id(3)] Money Budget,
    [property: Id(4)] Money BidCpm,
    [property: Id(5)] long SpendMicros,
    [property: Id(6)] long PaidImpressions,
    [property: Id(7)] ReachPhase Phase,
    [property: Id(8)] long Version,
    [property: Id(9)] long UnbilledImpressions = 0,
    [property: Id(10)] ReachMode Mode = ReachMode.Manual,
    [property: Id(11)] int? PlannedMinutes = null,
    [property: Id(12)] ImmutableArray<RegionAllocation> Allocation = default)
{
    /// <summary>Spend in whole minor units, rounded down (the exact figure is <see cref="SpendMicros"/>).</summary>
    public Money Spend => new(Budget.Currency, SpendMicros / Currencies.MicrosPerMinor(Budget.Currency));

    public bool IsPaidIn(string region) => Phase == ReachPhase.Active && Regions.Contains(region) && !ExcludedRegions.Contains(region);

    public bool Excludes(string region) => ExcludedRegions.Contains(region);
}

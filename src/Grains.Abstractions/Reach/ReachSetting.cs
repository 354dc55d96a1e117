using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Reach;

/// <summary>
/// What a merchant buys: paid regions, exclusions, a total budget and a bid per thousand
/// impressions; in <see cref="ReachMode.Auto"/> paced over <see cref="PlannedMinutes"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ReachSetting")]
public sealed record ReachSetting(
    [property: Id(0)] ImmutableArray<string> Regions,
    [property: Id(1)] ImmutableArray<string> ExcludedRegions,
    [property: Id(2)] Money Budget,
    [property: Id(3)] Money BidCpm,
    [property: Id(4)] ReachMode Mode = ReachMode.Manual,
    [property: Id(5)] int? PlannedMinutes = null)
{
    public const int MaxPlannedMinutes = 24 * 60;
}

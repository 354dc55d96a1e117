using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Reach;

/// <summary>What a merchant buys: paid regions, exclusions, a total budget and a bid per thousand impressions.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ReachSetting")]
public sealed record ReachSetting(
    [property: Id(0)] ImmutableArray<string> Regions,
    [property: Id(1)] ImmutableArray<string> ExcludedRegions,
    [property: Id(2)] Money Budget,
    [property: Id(3)] Money BidCpm);

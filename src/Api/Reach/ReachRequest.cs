using Broadcart.Grains.Common;

namespace Broadcart.Api.Reach;

public sealed record ReachRequest(IReadOnlyList<string>? Regions, IReadOnlyList<string>? ExcludedRegions, Money? Budget, Money? BidCpm);

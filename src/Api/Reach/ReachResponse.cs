using Broadcart.Grains.Common;
using Broadcart.Grains.Reach;

namespace Broadcart.Api.Reach;

public sealed record ReachResponse(
    string RoomId,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> ExcludedRegions,
    Money Budget,
    Money BidCpm,
    Money Spend,
    long SpendMicros,
    long PaidImpressions,
    ReachPhase State,
    long UnbilledImpressions,
    ReachMode Mode,
    int? PlannedMinutes,
    IReadOnlyList<RegionAllocation> Allocation)
{
    public static ReachResponse From(ReachView r) =>
        new(r.RoomId, r.Regions, r.ExcludedRegions, r.Budget, r.BidCpm, r.Spend, r.SpendMicros, r.PaidImpressions, r.Phase, r.UnbilledImpressions,
            r.Mode, r.PlannedMinutes, r.Allocation.IsDefault ? [] : r.Allocation);
}

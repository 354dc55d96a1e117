using Broadcart.Grains.Common;
using Broadcart.Grains.Reach;

namespace Broadcart.Api.Reach;

/// <param name="Mode">"manual" (the default) or "auto"; a string, so a wrong value is our validation_failed rather than a binding error.</param>
public sealed record ReachRequest(
    IReadOnlyList<string>? Regions,
    IReadOnlyList<string>? ExcludedRegions,
    Money? Budget,
    Money? BidCpm,
    string? Mode = null,
    int? PlannedMinutes = null)
{
    public ReachMode ParseMode() => Mode switch
    {
        null or "manual" => ReachMode.Manual,
        "auto" => ReachMode.Auto,
        _ => throw new BroadcartException(ErrorCodes.ValidationFailed, "mode must be manual or auto"),
    };
}

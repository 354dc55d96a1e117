using Broadcart.Grains.Common;

namespace Broadcart.Grains.Fx;

/// <summary>The days a source knows, newest first, and the one lookup every source answers with.</summary>
internal static class RatesHistory
{
    public static ReferenceRates OnOrBefore(IReadOnlyList<ReferenceRates> newestFirst, DateOnly day) =>
        newestFirst.FirstOrDefault(r => r.Date <= day)
        ?? throw new BroadcartException(ErrorCodes.NotFound, $"no reference rates on or before {day:yyyy-MM-dd} (the oldest known are of {newestFirst[^1].Date:yyyy-MM-dd})");
}

using System.Collections.Immutable;

namespace Broadcart.Grains.Feeds;

/// <summary>
/// Paid rooms first, highest bid per thousand impressions first; then organic rooms, most viewers
/// first; ties by room id so that the order is stable. Bids are compared as amounts: a deployment
/// selling reach in several currencies in one region has to normalise them first.
/// </summary>
public static class FeedRanking
{
    public static ImmutableArray<FeedEntry> Rank(IEnumerable<FeedEntry> entries) =>
    [
        .. entries
            .OrderByDescending(e => e.Paid)
            .ThenByDescending(e => e.Paid ? e.BidCpm?.AmountMinor ?? 0 : 0)
            .ThenByDescending(e => e.ViewerCount)
            .ThenBy(e => e.RoomId, StringComparer.Ordinal),
    ];
}

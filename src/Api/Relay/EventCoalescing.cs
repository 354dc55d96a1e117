using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// What a room's sender does with events that queued while its viewers' sockets were busy: events
/// that carry an absolute value (counts, totals, a status, the showcase) keep only their latest,
/// everything else (chat above all) is kept, and nothing changes order.
/// </summary>
public static class EventCoalescing
{
    public static List<RoomEvent> Coalesce(IReadOnlyList<RoomEvent> events)
    {
        if (events.Count < 2)
        {
            return [.. events];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<RoomEvent>(events.Count);
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (SupersededBy(events[i]) is not { } key || seen.Add(key))
            {
                kept.Add(events[i]);
            }
        }

        kept.Reverse();
        return kept;
    }

    /// <summary>The key under which a later event replaces this one; null when nothing replaces it.</summary>
    private static string? SupersededBy(RoomEvent e) => e switch
    {
        ViewersChanged => "viewers",
        LikesChanged => "likes",
        SlowModeChanged => "slowMode",
        ModeratorsChanged => "moderators",
        StatusChanged => "status",
        ShowcaseChanged => "showcase",
        ProductPinned => "pinned",
        AuctionChanged a => "auction:" + a.Auction.AuctionId,
        StockChanged s => "stock:" + s.ProductId,
        FlashSaleChanged f => "flashSale:" + f.Sale.SaleId,
        _ => null,
    };
}

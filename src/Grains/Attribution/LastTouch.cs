namespace Broadcart.Grains.Attribution;

/// <summary>The attribution rule, as one pure function of a user's touchpoints and the time of the order.</summary>
public static class LastTouch
{
    /// <summary>
    /// The room last clicked within the click window, else the room last viewed within the view
    /// window (both inclusive), else null. Equal times go to the smaller room id, so the answer
    /// never depends on dictionary order.
    /// </summary>
    public static AttributionDecision? Decide(IReadOnlyDictionary<string, RoomTouchState> rooms, DateTimeOffset at, AttributionOptions options)
    {
        return Best(rooms, r => r.LastClick, at - options.ClickWindow, at) is { } click
            ? new AttributionDecision(click, AttributionWindow.ClickThrough, at)
            : Best(rooms, r => r.LastView, at - options.ViewWindow, at) is { } view
                ? new AttributionDecision(view, AttributionWindow.ViewThrough, at)
                : null;
    }

    /// <summary>Forgets what no window can use any more: clicks past the click window, views past the view window.</summary>
    public static void Prune(Dictionary<string, RoomTouchState> rooms, DateTimeOffset now, AttributionOptions options)
    {
        foreach (var (roomId, touch) in rooms.ToList())
        {
            if (touch.LastClick < now - options.ClickWindow)
            {
                touch.LastClick = null;
            }

            if (touch.LastView < now - options.ViewWindow)
            {
                touch.LastView = null;
            }

            if (touch.LastClick is null && touch.LastView is null)
            {
                rooms.Remove(roomId);
            }
        }

        foreach (var (roomId, _) in rooms.OrderBy(r => r.Value.Latest()).Take(Math.Max(0, rooms.Count - options.MaxRooms)).ToList())
        {
            rooms.Remove(roomId);
        }
    }

    private static string? Best(IReadOnlyDictionary<string, RoomTouchState> rooms, Func<RoomTouchState, DateTimeOffset?> touch, DateTimeOffset from, DateTimeOffset to)
    {
        string? best = null;
        DateTimeOffset bestAt = default;
        foreach (var (roomId, state) in rooms)
        {
            if (touch(state) is not { } at || at < from || at > to)
            {
                continue;
            }

            if (best is null || at > bestAt || (at == bestAt && string.CompareOrdinal(roomId, best) < 0))
            {
                (best, bestAt) = (roomId, at);
            }
        }

        return best;
    }
}

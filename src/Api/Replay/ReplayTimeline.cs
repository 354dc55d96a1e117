using Broadcart.Grains.Archive;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Replay;

/// <summary>
/// Turns a room's archive into its replay: the show's chat (less what moderators deleted, even
/// later), pins, showcase changes, flash-sale moments and purchases, timed from when it went
/// live, up to when it ended. Moderation records (mutes, moderators) stay out: they were never
/// shown to viewers.
/// </summary>
public static class ReplayTimeline
{
    public static List<ReplayEvent> Build(string roomId, IReadOnlyList<ArchivedEvent> archived)
    {
        var deleted = archived.Where(e => e.Type == ArchivedEvent.ChatDeleted && e.MessageId is not null)
            .Select(e => e.MessageId!).ToHashSet(StringComparer.Ordinal);
        var start = archived.FirstOrDefault(e => e is { Type: ArchivedEvent.Status, Detail: "live" })?.At
            ?? archived.FirstOrDefault()?.At
            ?? DateTimeOffset.UnixEpoch;
        var replay = new List<ReplayEvent>(archived.Count);
        foreach (var e in archived)
        {
            var offset = Math.Max(0, (long)(e.At - start).TotalMilliseconds);
            if (Render(roomId, e, deleted) is ({ } type, { } payload))
            {
                replay.Add(new ReplayEvent(offset, type, payload));
            }

            // What the archive holds after the end (orders from this replay) is not part of the show.
            if (e is { Type: ArchivedEvent.Status, Detail: "ended" })
            {
                break;
            }
        }

        return replay;
    }

    private static (string? Type, object? Payload) Render(string roomId, ArchivedEvent e, HashSet<string> deleted) => e.Type switch
    {
        ArchivedEvent.Chat when e.MessageId is { } id && !deleted.Contains(id) =>
            ("chat", new ChatMessage(roomId, id, e.Seq ?? 0, e.UserId ?? "", e.Name ?? "", e.Text ?? "", e.At)),
        ArchivedEvent.Pin when e.ProductId is { } productId => ("productPinned", new ReplayPinPayload(roomId, productId, e.Text)),
        ArchivedEvent.Showcase => ("showcase", new ReplayShowcasePayload(roomId, (e.Detail ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))),
        ArchivedEvent.FlashSale => ("flashSale", Sale(roomId, e)),
        ArchivedEvent.Purchase => ("purchase", new ReplayPurchasePayload(roomId, e.ProductId, e.Quantity, e.Name ?? "someone")),
        ArchivedEvent.Status when e.Detail is { } status => ("roomStatus", new ReplayStatusPayload(roomId, status)),
        _ => (null, null),
    };

    // The archive writes "{saleId} {Phase}"; the wire names phases in camelCase, as the live event does.
    private static ReplaySalePayload Sale(string roomId, ArchivedEvent e)
    {
        var parts = (e.Detail ?? "").Split(' ', 2);
        var state = parts.Length > 1 && parts[1].Length > 0 ? char.ToLowerInvariant(parts[1][0]) + parts[1][1..] : null;
        return new ReplaySalePayload(roomId, parts[0].Length > 0 ? parts[0] : null, e.ProductId, state, e.Quantity);
    }
}

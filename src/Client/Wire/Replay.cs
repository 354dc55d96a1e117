using System.Text.Json;

namespace Broadcart.Client.Wire;

/// <summary>
/// One moment of an ended show, <see cref="OffsetMs"/> after it went live. <see cref="Payload"/>
/// is the event's object as docs/protocol.md gives it per <see cref="Type"/>: read it with
/// <see cref="JsonElement.Deserialize{TValue}(JsonSerializerOptions?)"/> into the wire record of that event.
/// </summary>
public sealed record ReplayEvent(long OffsetMs, string Type, JsonElement Payload);

/// <summary>A page of a replay; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
public sealed record ReplayPage(IReadOnlyList<ReplayEvent> Events, string? Next);

/// <summary><c>POST /api/rooms/{roomId}/auctions</c>'s answer.</summary>
public sealed record AuctionOpened(string AuctionId, DateTimeOffset EndsAt, Auction Auction);

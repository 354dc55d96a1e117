namespace Broadcart.Api.Replay;

/// <summary>One moment of a recorded show: when it happened (from the start of the show) and what, as the live event's name and payload.</summary>
public sealed record ReplayEvent(long OffsetMs, string Type, object Payload);

/// <summary>A page of a replay; <see cref="Next"/> is the cursor of the page after it, null at the end.</summary>
public sealed record ReplayPage(IReadOnlyList<ReplayEvent> Events, string? Next);

public sealed record ReplayPinPayload(string RoomId, string ProductId, string? Title);

public sealed record ReplayShowcasePayload(string RoomId, IReadOnlyList<string> ProductIds);

public sealed record ReplaySalePayload(string RoomId, string? SaleId, string? ProductId, string? State, int? Remaining);

public sealed record ReplayPurchasePayload(string RoomId, string? ProductId, int? Quantity, string Buyer);

public sealed record ReplayStatusPayload(string RoomId, string Status);

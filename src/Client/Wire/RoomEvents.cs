namespace Broadcart.Client.Wire;

// The payloads of the hub's events, as docs/protocol.md names them; one record per event.

public sealed record ChatBatch(string RoomId, IReadOnlyList<ChatMessage> Messages);

public sealed record ChatDeleted(string RoomId, string MessageId);

public sealed record ChatTranslated(string RoomId, string MessageId, long Seq, string Language, string Text);

public sealed record ViewerCount(string RoomId, int Count);

public sealed record LikeTotal(string RoomId, long Total);

public sealed record RoomStatusChanged(string RoomId, string Status);

public sealed record SlowModeChanged(string RoomId, int Seconds);

public sealed record ProductPinned(string RoomId, RegionalProduct? Product);

public sealed record ShowcaseChanged(string RoomId, IReadOnlyList<RegionalProduct> Products);

public sealed record StockChanged(string RoomId, string ProductId, int Remaining);

public sealed record PurchaseMade(string RoomId, string ProductId, int Quantity, string Buyer);

public sealed record GeoSetting(string RoomId, string Region, bool Visible, bool Purchasable, Money? Price, string Reason);

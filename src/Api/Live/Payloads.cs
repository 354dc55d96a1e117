using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Live;

public sealed record ChatBatchPayload(string RoomId, IReadOnlyList<ChatMessage> Messages);

public sealed record ChatDeletedPayload(string RoomId, string MessageId);

public sealed record ChatTranslatedPayload(string RoomId, string MessageId, long Seq, string Language, string Text);

public sealed record ViewersPayload(string RoomId, int Count);

public sealed record LikesPayload(string RoomId, long Total);

public sealed record RoomStatusPayload(string RoomId, RoomStatus Status);

public sealed record SlowModePayload(string RoomId, int Seconds);

public sealed record ProductPinnedPayload(string RoomId, RegionalProduct Product);

public sealed record ShowcasePayload(string RoomId, IReadOnlyList<RegionalProduct> Products);

public sealed record StockPayload(string RoomId, string ProductId, int Remaining);

public sealed record PurchasePayload(string RoomId, string ProductId, int Quantity, string Buyer);

namespace Broadcart.Client.Wire;

/// <summary>A product as one region sees it: its price there, or not available.</summary>
public sealed record RegionalProduct(string Id, string Title, string Description, string? ImageUrl, string Region, bool Available, Money? Price, Money? ListPrice);

/// <summary>The <c>flashSale</c> event and a room's running sale; <see cref="State"/> is <c>started</c>, <c>soldOut</c> or <c>ended</c>.</summary>
public sealed record FlashSale(string RoomId, string SaleId, string ProductId, string State, int Quantity, int Remaining, int PerUserLimit, DateTimeOffset EndsAt, Money? Price);

/// <summary>An order, as <c>Purchase</c> and <c>POST /api/rooms/{roomId}/orders</c> answer it.</summary>
public sealed record Order(
    string OrderId, string Status, string RoomId, string ProductId, int Quantity, string Region, Money UnitPrice, Money Total,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? PaidAt, string? PaymentId, string? SaleId, bool RefundDue, string? Source);

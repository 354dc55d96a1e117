namespace Broadcart.Api.Orders;

public sealed record OrderRequest(string? ProductId, int? Quantity, string? IdempotencyKey);

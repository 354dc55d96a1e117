namespace Broadcart.Api.Products;

public sealed record PriceRequest(string? Region, string? Currency, long? AmountMinor);

public sealed record CreateProductRequest(
    string? Title,
    string? Description,
    string? ImageUrl,
    int? Stock,
    IReadOnlyList<PriceRequest>? Prices,
    IReadOnlyList<string>? ShipsTo,
    bool? RestockOnRefund = null);

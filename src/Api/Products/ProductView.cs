using Broadcart.Grains.Inventory;
using Broadcart.Grains.Products;

namespace Broadcart.Api.Products;

public sealed record ProductView(
    string Id,
    string MerchantId,
    string Title,
    string Description,
    string? ImageUrl,
    IReadOnlyList<RegionPrice> Prices,
    IReadOnlyList<string> ShipsTo,
    int Stock,
    DateTimeOffset CreatedAt,
    bool RestockOnRefund)
{
    public static ProductView From(ProductSnapshot p, StockLevel stock) =>
        new(p.Id, p.MerchantId, p.Title, p.Description, p.ImageUrl, p.Prices, p.ShipsTo, stock.Available, p.CreatedAt, p.RestockOnRefund);
}

namespace Broadcart.Grains.Products;

[GenerateSerializer, Alias("Broadcart.ProductState")]
public sealed class ProductState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string MerchantId { get; set; } = string.Empty;
    [Id(2)] public string Title { get; set; } = string.Empty;
    [Id(3)] public string Description { get; set; } = string.Empty;
    [Id(4)] public string? ImageUrl { get; set; }
    [Id(5)] public List<RegionPrice> Prices { get; set; } = [];
    [Id(6)] public List<string> ShipsTo { get; set; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether a refunded order's units go back on sale (false for perishables, personalised goods).</summary>
    [Id(8)] public bool RestockOnRefund { get; set; } = true;
}

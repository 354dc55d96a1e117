using Broadcart.Grains.Common;

namespace Broadcart.Grains.Products;

/// <summary>
/// A product as a viewer in one region sees it: whether it ships there, and what it costs there.
/// <see cref="Price"/> is what the viewer pays (a flash sale's price where it applies);
/// <see cref="ListPrice"/> is the regular price.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RegionalProduct")]
public sealed record RegionalProduct(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string? ImageUrl,
    [property: Id(4)] string Region,
    [property: Id(5)] bool Available,
    [property: Id(6)] Money? Price,
    [property: Id(7)] Money? ListPrice)
{
    /// <summary>
    /// A sale price applies in the regions whose list price is in the sale's currency; elsewhere
    /// the list price stands.
    /// </summary>
    public static RegionalProduct For(ProductSnapshot product, string region, Money? salePrice)
    {
        var listed = product.Prices.FirstOrDefault(p => p.Region == region);
        var available = listed is not null && product.ShipsTo.Contains(region);
        var list = available ? new Money(listed!.Currency, listed.AmountMinor) : null;
        var price = list is not null && salePrice is not null && salePrice.Currency == list.Currency ? salePrice : list;
        return new RegionalProduct(product.Id, product.Title, product.Description, product.ImageUrl, region, available, price, list);
    }
}

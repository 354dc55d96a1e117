namespace Broadcart.Grains.Products;

/// <summary>A product listing, keyed by product id. Stock lives in the product's inventory grain.</summary>
[Alias("Broadcart.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<ProductSnapshot> Create(CreateProduct command);

    [Alias("Get")]
    Task<ProductSnapshot> Get();
}

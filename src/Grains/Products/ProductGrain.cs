using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;

namespace Broadcart.Grains.Products;

public sealed class ProductGrain(
    [PersistentState("product", StorageNames.Default)] IPersistentState<ProductState> state,
    TimeProvider time) : Grain, IProductGrain
{
    private ProductState Product => state.State;

    public async Task<ProductSnapshot> Create(CreateProduct command)
    {
        if (Product.Exists)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"product {this.GetPrimaryKeyString()} already exists");
        }

        ProductRules.Validate(command);

        // Stock first: a product that exists always has an inventory behind it.
        await GrainFactory.GetGrain<IInventoryGrain>(this.GetPrimaryKeyString()).Initialize(command.Stock);
        Product.Exists = true;
        Product.MerchantId = command.MerchantId;
        Product.Title = command.Title.Trim();
        Product.Description = command.Description.Trim();
        Product.ImageUrl = command.ImageUrl;
        Product.Prices = [.. command.Prices];
        Product.ShipsTo = [.. command.ShipsTo.Distinct()];
        Product.CreatedAt = time.GetUtcNow();
        Product.RestockOnRefund = command.RestockOnRefund;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public Task<ProductSnapshot> Get()
    {
        if (!Product.Exists)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"product {this.GetPrimaryKeyString()} does not exist");
        }

        return Task.FromResult(Snapshot());
    }

    private ProductSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(), Product.MerchantId, Product.Title, Product.Description, Product.ImageUrl,
        [.. Product.Prices], [.. Product.ShipsTo], Product.CreatedAt, Product.RestockOnRefund);
}

using System.Security.Claims;
using System.Security.Cryptography;
using Broadcart.Api.Identity;
using Broadcart.Api.Media;
using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Products;

namespace Broadcart.Api.Products;

public static class ProductEndpoints
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").RequireAuthorization().WithTags("Products");

        products.MapPost("/", async (CreateProductRequest request, ClaimsPrincipal user, IGrainFactory grains, MediaStore media) =>
            {
                await media.VerifyAsync(string.IsNullOrWhiteSpace(request.ImageUrl) ? null : request.ImageUrl.Trim(), "imageUrl");
                var command = new CreateProduct(
                    user.UserId(),
                    request.Title ?? string.Empty,
                    request.Description ?? string.Empty,
                    string.IsNullOrWhiteSpace(request.ImageUrl) ? null : request.ImageUrl.Trim(),
                    request.Stock ?? throw new BroadcartException(ErrorCodes.ValidationFailed, "stock is required"),
                    [.. (request.Prices ?? []).Select(p => new RegionPrice(
                        p.Region?.Trim() ?? string.Empty,
                        p.Currency?.Trim() ?? string.Empty,
                        p.AmountMinor ?? throw new BroadcartException(ErrorCodes.ValidationFailed, "prices: amountMinor is required")))],
                    [.. (request.ShipsTo ?? []).Select(r => r.Trim())],
                    request.RestockOnRefund ?? true);
                var id = "p" + RandomNumberGenerator.GetString(Alphabet, 12);
                var product = await grains.GetGrain<IProductGrain>(id).Create(command);
                var stock = await grains.GetGrain<IInventoryGrain>(id).GetStock();
                return TypedResults.Created($"/api/products/{id}", ProductView.From(product, stock));
            })
            .RequireAuthorization(Policies.Merchant)
            .WithSummary("Create a product with prices per region (merchant)");

        products.MapGet("/{productId}", async (string productId, IGrainFactory grains) =>
            {
                if (!Identifiers.IsValid(productId))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "productId is not a valid id");
                }

                var product = await grains.GetGrain<IProductGrain>(productId).Get();
                var stock = await grains.GetGrain<IInventoryGrain>(productId).GetStock();
                return TypedResults.Ok(ProductView.From(product, stock));
            })
            .WithSummary("A product, with the stock available now");
        return app;
    }
}

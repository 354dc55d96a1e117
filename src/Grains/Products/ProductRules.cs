using Broadcart.Grains.Common;

namespace Broadcart.Grains.Products;

/// <summary>What a valid product is; each rule refuses with <c>validation_failed</c> and says which field.</summary>
internal static class ProductRules
{
    public const int MaxStock = 1_000_000;
    public const long MaxAmountMinor = 100_000_000_000;

    public static void Validate(CreateProduct p)
    {
        Require(p.Title.Trim().Length is >= 1 and <= InputLimits.ProductTitle && !p.Title.Any(char.IsControl), $"title must be 1 to {InputLimits.ProductTitle} characters without control characters");
        Require(p.Description.Length <= InputLimits.ProductDescription, $"description must be at most {InputLimits.ProductDescription} characters");
        Require(p.ImageUrl is null || (p.ImageUrl.Length <= InputLimits.Url && Uri.TryCreate(p.ImageUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"), $"imageUrl must be an absolute http(s) URL of at most {InputLimits.Url} characters");
        Require(p.Stock is >= 0 and <= MaxStock, $"stock must be between 0 and {MaxStock}");
        Require(!p.Prices.IsDefaultOrEmpty, "prices must list at least one region");
        foreach (var price in p.Prices)
        {
            Require(Regions.IsValid(price.Region), $"prices: region '{price.Region}' is not an ISO 3166-1 alpha-2 code");
            Require(Currencies.IsValid(price.Currency), $"prices: currency '{price.Currency}' is not an ISO 4217 code");
            Require(price.AmountMinor is >= 0 and <= MaxAmountMinor, $"prices: amountMinor must be a whole number of minor units between 0 and {MaxAmountMinor}");
        }

        Require(p.Prices.Select(x => x.Region).Distinct().Count() == p.Prices.Length, "prices: each region may have one price only");
        Require(!p.ShipsTo.IsDefaultOrEmpty, "shipsTo must list at least one region");
        Require(p.ShipsTo.All(Regions.IsValid), "shipsTo: every entry must be an ISO 3166-1 alpha-2 code");
    }

    private static void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, detail);
        }
    }
}

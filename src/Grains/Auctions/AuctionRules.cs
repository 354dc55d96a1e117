using Broadcart.Grains.Common;

namespace Broadcart.Grains.Auctions;

/// <summary>The limits of an auction request; checked before anything changes.</summary>
internal static class AuctionRules
{
    public const int MinDurationSeconds = 5;
    public const int MaxDurationSeconds = 3600;
    public const int MaxAntiSnipeSeconds = 120;
    public const int MinExtendSeconds = 1;
    public const int MaxExtendSeconds = 300;

    public static void Validate(AuctionRequest request)
    {
        if (request.StartPrice is not { } start || !Currencies.IsValid(start.Currency) || start.AmountMinor < 1)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "startPrice must be an ISO 4217 currency and at least 1 minor unit");
        }

        if (request.Increment is not { } increment || increment.Currency != start.Currency || increment.AmountMinor < 1)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "increment must be at least 1 minor unit, in the startPrice's currency");
        }

        if (start.AmountMinor > Products.ProductRules.MaxAmountMinor || increment.AmountMinor > Products.ProductRules.MaxAmountMinor)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"startPrice and increment must be at most {Products.ProductRules.MaxAmountMinor} minor units");
        }

        if (request.DurationSeconds is < MinDurationSeconds or > MaxDurationSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"durationSeconds must be between {MinDurationSeconds} and {MaxDurationSeconds}");
        }

        if (request.AntiSnipeSeconds is < 0 or > MaxAntiSnipeSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"antiSnipeSeconds must be between 0 and {MaxAntiSnipeSeconds}");
        }

        if (request.ExtendSeconds is < MinExtendSeconds or > MaxExtendSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"extendSeconds must be between {MinExtendSeconds} and {MaxExtendSeconds}");
        }
    }
}

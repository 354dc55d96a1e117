using Broadcart.Grains.Common;

namespace Broadcart.Grains.Commerce;

internal static class FlashSaleRules
{
    public const int MinDurationSeconds = 10;
    public const int MaxDurationSeconds = 1800;

    public static void Validate(StartFlashSale command)
    {
        if (command.Quantity < 1)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "quantity must be at least 1");
        }

        if (command.PerUserLimit < 1)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "perUserLimit must be at least 1");
        }

        if (command.DurationSeconds is < MinDurationSeconds or > MaxDurationSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"durationSeconds must be between {MinDurationSeconds} and {MaxDurationSeconds}");
        }

        if (command.Price is { } price && (!Currencies.IsValid(price.Currency) || price.AmountMinor < 0))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "price must be an ISO 4217 currency and a non-negative whole number of minor units");
        }
    }
}

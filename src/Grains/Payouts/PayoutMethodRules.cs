using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;

namespace Broadcart.Grains.Payouts;

internal static class PayoutMethodRules
{
    public const int MaxAccountRef = InputLimits.AccountRef;

    /// <summary>The method as stored (rail in lower case), or <c>validation_failed</c> naming the field and the rule.</summary>
    public static PayoutMethod Validate(PayoutMethod method, IPayoutRail rail, ReferenceRates rates)
    {
        var railName = method.Rail?.Trim().ToLowerInvariant();
        if (railName != rail.Name)
        {
            Refuse($"rail must be '{rail.Name}', the rail this deployment pays through");
        }

        if (!Regions.IsValid(method.Country))
        {
            Refuse("country must be an ISO 3166-1 alpha-2 code in upper case, e.g. US or HK");
        }

        if (!Currencies.IsValid(method.Currency) || !rates.Supports(method.Currency))
        {
            Refuse($"currency must be one the reference rates give: {string.Join(", ", rates.PerEuro.Keys.Order(StringComparer.Ordinal))}");
        }

        if (string.IsNullOrWhiteSpace(method.AccountRef) || method.AccountRef.Length > MaxAccountRef || method.AccountRef.Any(char.IsControl))
        {
            Refuse($"accountRef must be 1 to {MaxAccountRef} characters without control characters");
        }

        var stored = method with { Rail = railName!, AccountRef = method.AccountRef.Trim() };
        if (rail.CheckDestination(stored) is { } problem)
        {
            Refuse(problem);
        }

        return stored;
    }

    private static void Refuse(string detail) => throw new BroadcartException(ErrorCodes.ValidationFailed, detail);
}

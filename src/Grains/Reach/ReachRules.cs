using Broadcart.Grains.Common;

namespace Broadcart.Grains.Reach;

internal static class ReachRules
{
    public const int MaxRegions = 100;

    public static void Validate(ReachSetting s)
    {
        var regions = s.Regions.IsDefault ? [] : s.Regions;
        var excluded = s.ExcludedRegions.IsDefault ? [] : s.ExcludedRegions;
        Require(regions.Length + excluded.Length <= MaxRegions, $"at most {MaxRegions} regions in all");
        foreach (var region in regions.Concat(excluded))
        {
            Require(Regions.IsValid(region), $"region '{region}' is not an ISO 3166-1 alpha-2 code");
        }

        Require(s.Budget is not null && s.BidCpm is not null, "budget and bidCpm are required");
        Require(Currencies.IsValid(s.Budget!.Currency), $"budget: currency '{s.Budget.Currency}' is not an ISO 4217 code");
        Require(s.Budget.Currency == s.BidCpm!.Currency, $"budget ({s.Budget.Currency}) and bidCpm ({s.BidCpm.Currency}) must be in one currency");
        Require(s.BidCpm.AmountMinor > 0, "bidCpm must be more than zero");
        Require(s.Budget.AmountMinor >= 0, "budget must not be negative");
        Require(ReachPricing.Micros(s.Budget) >= ReachPricing.MicrosPerImpression(s.BidCpm),
            "budget is below the cost of one impression at this bid");
        Require(Enum.IsDefined(s.Mode), "mode must be manual or auto");
        Require(s.Mode == ReachMode.Auto || s.PlannedMinutes is null, "plannedMinutes applies to mode auto only");
        Require(s.Mode == ReachMode.Manual || s.PlannedMinutes is >= 1 and <= ReachSetting.MaxPlannedMinutes,
            $"plannedMinutes is required for mode auto, 1 to {ReachSetting.MaxPlannedMinutes}");
    }

    private static void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, detail);
        }
    }
}

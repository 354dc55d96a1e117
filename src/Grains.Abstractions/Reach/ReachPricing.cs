using Broadcart.Grains.Common;

namespace Broadcart.Grains.Reach;

public static class ReachPricing
{
    /// <summary>One impression at <paramref name="bidCpm"/> in micro-units: exact for every currency.</summary>
    public static long MicrosPerImpression(Money bidCpm) => checked(bidCpm.AmountMinor * Currencies.MicrosPerMinor(bidCpm.Currency) / 1000);

    public static long Micros(Money money) => checked(money.AmountMinor * Currencies.MicrosPerMinor(money.Currency));
}

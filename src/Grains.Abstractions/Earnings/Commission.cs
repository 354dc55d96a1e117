using Broadcart.Grains.Common;

namespace Broadcart.Grains.Earnings;

/// <summary>Commission arithmetic, in integer minor units.</summary>
public static class Commission
{
    /// <summary>floor(total x bps / 10,000), in the total's currency; never more than the total.</summary>
    public static Money Of(Money total, int commissionBps)
    {
        if (total.AmountMinor < 0 || commissionBps is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(commissionBps), "a commission is 0 to 10,000 bps of a non-negative total");
        }

        // Int128: a total near long.MaxValue times 10,000 bps does not overflow.
        return new Money(total.Currency, (long)((Int128)total.AmountMinor * commissionBps / 10_000));
    }
}

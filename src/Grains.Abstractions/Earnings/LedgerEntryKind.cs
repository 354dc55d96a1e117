namespace Broadcart.Grains.Earnings;

public enum LedgerEntryKind
{
    /// <summary>A paid order's commission, pending until the hold period has passed.</summary>
    Accrued,

    /// <summary>The hold period of an accrual passed: its amount is available.</summary>
    Released,

    /// <summary>The order was refunded: its commission is taken back.</summary>
    Reversed,

    /// <summary>Available commission left in a payout (one entry per currency, naming the payout).</summary>
    PaidOut,

    /// <summary>The payout failed at the rail: what it took is available again.</summary>
    Returned,
}

namespace Broadcart.Grains.Payouts;

/// <summary>Where a payout stands (the wire says it in lower case).</summary>
public enum PayoutStatus
{
    /// <summary>Taken from the ledger and on its way: the rail has it, or will on the next try.</summary>
    Submitted,

    /// <summary>The rail says the money has gone out to the creator's account.</summary>
    Paid,

    /// <summary>The rail gave up on it; its amounts are available again.</summary>
    Failed,
}

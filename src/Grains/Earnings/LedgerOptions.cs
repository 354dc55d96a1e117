namespace Broadcart.Grains.Earnings;

/// <summary>The <c>Payouts</c> configuration section, as the ledger reads it.</summary>
public sealed class LedgerOptions
{
    /// <summary>How long a paid order's commission stays pending (refunds come within it).</summary>
    public TimeSpan HoldPeriod { get; set; } = TimeSpan.FromDays(7);
}

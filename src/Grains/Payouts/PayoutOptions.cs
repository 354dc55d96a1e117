namespace Broadcart.Grains.Payouts;

/// <summary>The <c>Payouts</c> configuration section, as payouts read it (the ledger reads its hold period from the same section).</summary>
public sealed class PayoutOptions
{
    /// <summary>The rail payouts go through: <c>local</c> (development and tests; the default) or <c>wise</c>.</summary>
    public string Rail { get; set; } = LocalPayoutRail.RailName;

    /// <summary>How long listing payouts waits for the rail's word on those still on their way.</summary>
    public TimeSpan StatusWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a creator's outstanding payouts are submitted again and asked about (a reminder: a minute at least).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);
}

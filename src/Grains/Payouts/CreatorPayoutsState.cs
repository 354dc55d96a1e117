namespace Broadcart.Grains.Payouts;

[GenerateSerializer, Alias("Broadcart.CreatorPayoutsState")]
public sealed class CreatorPayoutsState
{
    [Id(0)] public PayoutMethod? Method { get; set; }

    /// <summary>Every payout, oldest first.</summary>
    [Id(1)] public List<Payout> Payouts { get; set; } = [];

    /// <summary>
    /// Requests (idempotency key, when asked) whose ledger write may have happened but whose payout is
    /// not recorded yet: a crash there is finished by the retry reminder, so money never leaves the
    /// ledger without a payout.
    /// </summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Preparing { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Payouts recorded that the rail has not taken yet (it timed out or was down): submitted again with the same key.</summary>
    [Id(3)] public HashSet<string> AwaitingRail { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Failed payouts whose amounts the ledger has not confirmed it made available again.</summary>
    [Id(4)] public HashSet<string> ToReturn { get; set; } = new(StringComparer.Ordinal);
}

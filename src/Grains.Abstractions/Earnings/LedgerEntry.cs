using Broadcart.Grains.Common;

namespace Broadcart.Grains.Earnings;

/// <summary>One change to a creator's earnings; balances are sums of entries. Amounts are positive.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] LedgerEntryKind Kind,
    [property: Id(2)] Money Amount,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? OrderId = null,
    [property: Id(5)] string? DealId = null,
    [property: Id(6)] string? PayoutId = null);

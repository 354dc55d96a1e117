using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;

namespace Broadcart.Grains.Payouts;

/// <summary>
/// One payout: what it took from the ledger (<see cref="Sources"/>, one conversion per currency,
/// each rounded down on its own), the <see cref="Amount"/> sent (their sum, in the payout
/// currency), the rate of its largest source as <see cref="FxRate"/>, and the rates' day.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.Payout")]
public sealed record Payout(
    [property: Id(0)] string PayoutId,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] PayoutStatus Status,
    [property: Id(3)] Money Amount,
    [property: Id(4)] ImmutableArray<FxConversion> Sources,
    [property: Id(5)] decimal FxRate,
    [property: Id(6)] DateOnly RateDate,
    [property: Id(7)] PayoutMethod Method,
    [property: Id(8)] DateTimeOffset RequestedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] string? RailTransferId = null,
    [property: Id(11)] string? FailureReason = null);

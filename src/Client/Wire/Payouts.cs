namespace Broadcart.Client.Wire;

/// <summary>Where a creator's payouts go: the rail, the account's country (alpha-2) and currency, and the account as the rail knows it.</summary>
public sealed record PayoutMethod(string Rail, string Country, string Currency, string AccountRef);

/// <summary>One source currency of a payout, what it became, and its cross rate (payout currency per source unit).</summary>
public sealed record PayoutConversion(Money Source, Money Converted, decimal Rate);

/// <summary>
/// A payout; <see cref="Status"/> is <c>submitted</c>, <c>paid</c> or <c>failed</c>. <see cref="Source"/> is what left
/// the ledger, <see cref="Amount"/> what was sent, <see cref="FxRate"/> the rate of its largest source on <see cref="RateDate"/>.
/// </summary>
public sealed record Payout(
    string PayoutId, string IdempotencyKey, string Status, Money Amount, IReadOnlyList<Money> Source, decimal FxRate, string RateDate,
    IReadOnlyList<PayoutConversion> Conversions, string Rail, string Country, DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, string? FailureReason);

/// <summary>What a payout would send now, at today's rates; asking changes nothing.</summary>
public sealed record PayoutQuote(
    Money Amount, IReadOnlyList<Money> Source, decimal FxRate, string RateDate, IReadOnlyList<PayoutConversion> Conversions, string Rail, string Country);

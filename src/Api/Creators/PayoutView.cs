using Broadcart.Grains.Common;
using Broadcart.Grains.Payouts;

namespace Broadcart.Api.Creators;

/// <summary>A payout on the wire: <c>source</c> is what left the ledger, <c>conversions</c> each source's own rate and result.</summary>
public sealed record PayoutView(
    string PayoutId,
    string IdempotencyKey,
    string Status,
    Money Amount,
    IReadOnlyList<Money> Source,
    decimal FxRate,
    string RateDate,
    IReadOnlyList<PayoutConversionView> Conversions,
    string Rail,
    string Country,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    string? FailureReason)
{
    public static PayoutView From(Payout payout) => new(
        payout.PayoutId,
        payout.IdempotencyKey,
        payout.Status.ToString().ToLowerInvariant(),
        payout.Amount,
        [.. payout.Sources.Select(s => s.Source)],
        payout.FxRate,
        payout.RateDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [.. payout.Sources.Select(s => new PayoutConversionView(s.Source, s.Converted, s.Rate))],
        payout.Method.Rail,
        payout.Method.Country,
        payout.RequestedAt,
        payout.UpdatedAt,
        payout.FailureReason);
}

/// <summary>One source currency of a payout: its amount, what it became, and the cross rate (payout currency per source unit).</summary>
public sealed record PayoutConversionView(Money Source, Money Converted, decimal Rate);

public sealed record PayoutListView(IReadOnlyList<PayoutView> Payouts);

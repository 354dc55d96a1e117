using Broadcart.Grains.Common;
using Broadcart.Grains.Earnings;

namespace Broadcart.Api.Creators;

/// <summary>An order's commission and where it stands: <c>pending</c>, <c>available</c> or <c>reversed</c>.</summary>
public sealed record EarningEntryView(string OrderId, string DealId, Money Amount, string State, DateTimeOffset At);

public sealed record EarningsView(
    string? PayoutCurrency,
    IReadOnlyList<Money> Pending,
    IReadOnlyList<Money> Available,
    IReadOnlyList<Money> PaidOut,
    IReadOnlyList<EarningEntryView> Entries)
{
    public static EarningsView From(Earnings earnings, string? payoutCurrency)
    {
        var last = earnings.Entries.Where(e => e.OrderId is not null).GroupBy(e => e.OrderId!).ToDictionary(g => g.Key, g => g.Last().Kind);
        var entries = earnings.Entries
            .Where(e => e.Kind == LedgerEntryKind.Accrued)
            .Select(e => new EarningEntryView(e.OrderId!, e.DealId!, e.Amount, State(last[e.OrderId!]), e.At))
            .ToList();
        return new EarningsView(payoutCurrency, earnings.Pending, earnings.Available, earnings.PaidOut, entries);
    }

    // Payouts (still to come) will mark what they paid out as "paidOut".
    private static string State(LedgerEntryKind last) => last switch
    {
        LedgerEntryKind.Reversed => "reversed",
        LedgerEntryKind.Released => "available",
        _ => "pending",
    };
}

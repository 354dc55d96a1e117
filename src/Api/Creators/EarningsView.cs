using Broadcart.Grains.Common;
using Broadcart.Grains.Earnings;

namespace Broadcart.Api.Creators;

/// <summary>An order's commission and where it stands: <c>pending</c>, <c>available</c>, <c>paidOut</c> or <c>reversed</c>.</summary>
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
        var byOrder = earnings.Entries.Where(e => e.OrderId is not null).ToLookup(e => e.OrderId!);
        var returned = earnings.Entries.Where(e => e.Kind == LedgerEntryKind.Returned).Select(e => e.PayoutId).ToHashSet(StringComparer.Ordinal);

        // A payout takes a currency's whole available balance: an order released before a payout
        // in its currency (one that did not fail) went out with it.
        var payouts = earnings.Entries.Where(e => e.Kind == LedgerEntryKind.PaidOut && !returned.Contains(e.PayoutId)).ToList();
        var entries = earnings.Entries
            .Where(e => e.Kind == LedgerEntryKind.Accrued)
            .Select(e => new EarningEntryView(e.OrderId!, e.DealId!, e.Amount, State(byOrder[e.OrderId!].ToList(), payouts), e.At))
            .ToList();
        return new EarningsView(payoutCurrency, earnings.Pending, earnings.Available, earnings.PaidOut, entries);
    }

    private static string State(List<LedgerEntry> order, List<LedgerEntry> payouts)
    {
        if (order.Any(e => e.Kind == LedgerEntryKind.Reversed))
        {
            return "reversed";
        }

        return order.Find(e => e.Kind == LedgerEntryKind.Released) is not { } released
            ? "pending"
            : payouts.Any(p => p.Amount.Currency == released.Amount.Currency && p.Seq > released.Seq) ? "paidOut" : "available";
    }
}

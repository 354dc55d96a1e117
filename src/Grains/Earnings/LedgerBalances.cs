using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Earnings;

/// <summary>Balances as sums of entries, per currency; an order's accrual is pending, available or reversed.</summary>
internal static class LedgerBalances
{
    public static Earnings Sum(IReadOnlyList<LedgerEntry> entries)
    {
        var pending = new Dictionary<string, long>(StringComparer.Ordinal);
        var available = new Dictionary<string, long>(StringComparer.Ordinal);
        var paidOut = new Dictionary<string, long>(StringComparer.Ordinal);
        var released = entries.Where(e => e.Kind == LedgerEntryKind.Released).Select(e => e.OrderId).ToHashSet(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            switch (e.Kind)
            {
                case LedgerEntryKind.Accrued:
                    Add(pending, e.Amount, +1);
                    break;
                case LedgerEntryKind.Released:
                    Add(pending, e.Amount, -1);
                    Add(available, e.Amount, +1);
                    break;
                case LedgerEntryKind.Reversed:
                    // From wherever the accrual stands: a reversal after release takes it from available.
                    Add(released.Contains(e.OrderId!) ? available : pending, e.Amount, -1);
                    break;
                case LedgerEntryKind.PaidOut:
                    Add(available, e.Amount, -1);
                    Add(paidOut, e.Amount, +1);
                    break;
                case LedgerEntryKind.Returned:
                    Add(paidOut, e.Amount, -1);
                    Add(available, e.Amount, +1);
                    break;
            }
        }

        return new Earnings(Amounts(pending), Amounts(available), Amounts(paidOut), [.. entries]);
    }

    private static void Add(Dictionary<string, long> sums, Money amount, int sign) =>
        sums[amount.Currency] = sums.GetValueOrDefault(amount.Currency) + sign * amount.AmountMinor;

    private static ImmutableArray<Money> Amounts(Dictionary<string, long> sums) =>
        [.. sums.Where(s => s.Value != 0).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new Money(s.Key, s.Value))];
}

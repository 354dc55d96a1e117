using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Earnings;

/// <summary>
/// The entries are the ledger: each call appends and writes before it answers, and a failed write
/// takes its entries back out of memory. Releases are written when the ledger is read and by a
/// daily reminder, so pending commission becomes available without anyone looking.
/// </summary>
public sealed class CreatorLedgerGrain(
    [PersistentState("ledger", StorageNames.Default)] IPersistentState<CreatorLedgerState> state,
    IOptions<LedgerOptions> options,
    TimeProvider time) : Grain, ICreatorLedgerGrain, IRemindable
{
    private const string ReleaseReminder = "release";
    private List<LedgerEntry> Entries => state.State.Entries;

    public async Task<Earnings> Accrue(CommissionAccrual accrual)
    {
        if (accrual.Amount.AmountMinor < 0)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "a commission cannot be negative");
        }

        if (!Entries.Any(e => e.Kind == LedgerEntryKind.Accrued && e.OrderId == accrual.OrderId))
        {
            await AppendAsync(new LedgerEntry(NextSeq, LedgerEntryKind.Accrued, accrual.Amount, accrual.PaidAt, accrual.OrderId, accrual.DealId));
            if (await this.GetReminder(ReleaseReminder) is null)
            {
                await this.RegisterOrUpdateReminder(ReleaseReminder, options.Value.HoldPeriod, TimeSpan.FromDays(1));
            }
        }

        return await ReleaseDueAsync();
    }

    public async Task<Earnings> Reverse(string orderId)
    {
        var accrued = Entries.FirstOrDefault(e => e.Kind == LedgerEntryKind.Accrued && e.OrderId == orderId);
        if (accrued is not null && !Entries.Any(e => e.Kind == LedgerEntryKind.Reversed && e.OrderId == orderId))
        {
            await AppendAsync(new LedgerEntry(NextSeq, LedgerEntryKind.Reversed, accrued.Amount, time.GetUtcNow(), orderId, accrued.DealId));
        }

        return await ReleaseDueAsync();
    }

    public async Task<ImmutableArray<Money>> PayOut(string payoutId)
    {
        var taken = PaidOutBy(payoutId);
        if (taken.Count > 0)
        {
            return [.. taken.Select(e => e.Amount)];
        }

        var earnings = await ReleaseDueAsync();
        var now = time.GetUtcNow();
        var seq = NextSeq;
        var entries = earnings.Available.Where(m => m.AmountMinor > 0)
            .Select(m => new LedgerEntry(seq++, LedgerEntryKind.PaidOut, m, now, PayoutId: payoutId))
            .ToArray();
        if (entries.Length > 0)
        {
            await AppendAsync(entries);
        }

        return [.. entries.Select(e => e.Amount)];
    }

    public async Task<Earnings> ReturnPayout(string payoutId)
    {
        var taken = PaidOutBy(payoutId);
        if (taken.Count > 0 && !Entries.Any(e => e.Kind == LedgerEntryKind.Returned && e.PayoutId == payoutId))
        {
            var now = time.GetUtcNow();
            var seq = NextSeq;
            await AppendAsync([.. taken.Select(e => new LedgerEntry(seq++, LedgerEntryKind.Returned, e.Amount, now, PayoutId: payoutId))]);
        }

        return await ReleaseDueAsync();
    }

    public Task<Earnings> Get() => ReleaseDueAsync();

    private List<LedgerEntry> PaidOutBy(string payoutId) =>
        Entries.Where(e => e.Kind == LedgerEntryKind.PaidOut && e.PayoutId == payoutId).ToList();

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await ReleaseDueAsync();

    private long NextSeq => Entries.Count == 0 ? 1 : Entries[^1].Seq + 1;

    /// <summary>Releases accruals past their hold that were neither released nor reversed.</summary>
    private async Task<Earnings> ReleaseDueAsync()
    {
        var now = time.GetUtcNow();
        var settled = Entries.Where(e => e.Kind is LedgerEntryKind.Released or LedgerEntryKind.Reversed).Select(e => e.OrderId).ToHashSet(StringComparer.Ordinal);
        var due = Entries.Where(e => e.Kind == LedgerEntryKind.Accrued && !settled.Contains(e.OrderId) && e.At + options.Value.HoldPeriod <= now).ToList();
        if (due.Count > 0)
        {
            var seq = NextSeq;
            await AppendAsync([.. due.Select(a => new LedgerEntry(seq++, LedgerEntryKind.Released, a.Amount, now, a.OrderId, a.DealId))]);
        }

        return LedgerBalances.Sum(Entries);
    }

    private async Task AppendAsync(params LedgerEntry[] entries)
    {
        var count = Entries.Count;
        Entries.AddRange(entries);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            Entries.RemoveRange(count, Entries.Count - count);
            throw;
        }
    }
}

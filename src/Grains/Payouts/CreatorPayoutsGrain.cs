using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;
using Broadcart.Grains.Earnings;
using Broadcart.Grains.Fx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Payouts;

/// <summary>
/// A creator's payouts, apart from the ledger: a payout waits on the rail (seconds, retries), and
/// the ledger must keep taking the payment path's accruals and reversals meanwhile. The ledger is
/// still the one place balances change: a payout takes its amounts with one ledger write
/// (<see cref="ICreatorLedgerGrain.PayOut"/>, once per payout id), before the rail is asked.
/// Steps, each written before the next: the request is noted (<c>Preparing</c>), the ledger pays
/// out, the payout is recorded (<c>AwaitingRail</c>), the rail takes it. A crash or a rail outage
/// between steps is finished by a retry of the same key or by the retry reminder, and the payout id
/// (from creator and key) is the ledger's and the rail's idempotency key, so nothing happens twice.
/// </summary>
public sealed class CreatorPayoutsGrain(
    [PersistentState("payouts", StorageNames.Default)] IPersistentState<CreatorPayoutsState> state,
    IPayoutRail rail,
    IExchangeRates rates,
    IOptions<PayoutOptions> options,
    TimeProvider time,
    ILogger<CreatorPayoutsGrain> logger) : Grain, ICreatorPayoutsGrain, IRemindable
{
    private const string RetryReminder = "payouts";
    private static readonly TimeSpan RailCallLimit = TimeSpan.FromSeconds(25);

    private CreatorPayoutsState Book => state.State;
    private string CreatorId => this.GetPrimaryKeyString();
    private ICreatorGrain Creator => GrainFactory.GetGrain<ICreatorGrain>(CreatorId);
    private ICreatorLedgerGrain Ledger => GrainFactory.GetGrain<ICreatorLedgerGrain>(CreatorId);

    public async Task<PayoutMethod> SetMethod(PayoutMethod method)
    {
        var stored = PayoutMethodRules.Validate(method, rail, await rates.LatestAsync());
        await Creator.Get();
        if (Book.Method != stored)
        {
            var before = Book.Method;
            Book.Method = stored;
            await state.WriteOrUndoAsync(() => Book.Method = before);
        }

        // After the method is durable: a failure here leaves the profile behind until the caller retries.
        await Creator.SetPayoutCurrency(stored.Currency);
        return stored;
    }

    public Task<PayoutMethod?> GetMethod() => Task.FromResult(Book.Method);

    public async Task<PayoutRequestResult> Request(string idempotencyKey)
    {
        if (Find(idempotencyKey) is { } existing)
        {
            if (Book.AwaitingRail.Contains(existing.PayoutId))
            {
                await SubmitAsync(existing.PayoutId);
            }

            return new PayoutRequestResult(Find(idempotencyKey)!, Created: false);
        }

        if (!Book.Preparing.ContainsKey(idempotencyKey))
        {
            await Quote();
            await EnsureReminderAsync();
            Book.Preparing[idempotencyKey] = time.GetUtcNow();
            await state.WriteOrUndoAsync(() => Book.Preparing.Remove(idempotencyKey));
        }

        var payout = await CompleteAsync(idempotencyKey);
        return new PayoutRequestResult(payout, Created: true);
    }

    public async Task<PayoutQuote> Quote()
    {
        var profile = await Creator.Get();
        if (profile.Verification != VerificationStatus.Verified)
        {
            throw new BroadcartException(CreatorErrors.NotVerified, "only verified creators are paid out: submit your identity documents first");
        }

        var method = Book.Method ?? throw new BroadcartException(CreatorErrors.NoPayoutMethod, "set a payout method first (PUT /api/creators/me/payout-method)");
        var available = (await Ledger.Get()).Available.Where(m => m.AmountMinor > 0).ToList();
        if (available.Count == 0)
        {
            throw new BroadcartException(CreatorErrors.NothingToPay, "no commission is available yet: commission becomes available after the hold period");
        }

        var quote = Convert(available, await rates.LatestAsync(), method);
        if (quote.Amount.AmountMinor == 0)
        {
            throw new BroadcartException(CreatorErrors.NothingToPay,
                $"what is available ({string.Join(", ", available.Select(m => $"{m.AmountMinor} {m.Currency}"))} in minor units) is worth less than one minor unit of {method.Currency}");
        }

        return quote;
    }

    /// <summary>Each source converted and rounded down on its own, summed; the rate shown is the largest source's.</summary>
    private static PayoutQuote Convert(IEnumerable<Money> sources, ReferenceRates latest, PayoutMethod method)
    {
        var conversions = sources.Select(m => latest.Convert(m, method.Currency)).ToImmutableArray();
        var amount = new Money(method.Currency, checked(conversions.Sum(c => c.Converted.AmountMinor)));
        return new PayoutQuote(amount, conversions, conversions.MaxBy(c => c.Converted.AmountMinor)!.Rate, latest.Date, method);
    }

    public async Task<ImmutableArray<Payout>> List()
    {
        using var wait = new CancellationTokenSource(options.Value.StatusWait);
        await RefreshStatusesAsync(wait.Token);
        return [.. Book.Payouts.AsEnumerable().Reverse()];
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        foreach (var key in Book.Preparing.Keys.ToList())
        {
            await TryAsync(() => CompleteAsync(key), $"finishing the payout request {key}");
        }

        foreach (var payoutId in Book.AwaitingRail.ToList())
        {
            await TryAsync(() => SubmitAsync(payoutId), $"submitting payout {payoutId}");
        }

        foreach (var payoutId in Book.ToReturn.ToList())
        {
            await TryAsync(() => ReturnAsync(payoutId), $"returning failed payout {payoutId} to the ledger");
        }

        using var wait = new CancellationTokenSource(RailCallLimit);
        await RefreshStatusesAsync(wait.Token);
        if (!Outstanding && await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Takes from the ledger (once per payout id), records the payout, and hands it to the rail.</summary>
    private async Task<Payout> CompleteAsync(string idempotencyKey)
    {
        var payoutId = PayoutIds.For(CreatorId, idempotencyKey);
        var taken = await Ledger.PayOut(payoutId);
        if (taken.IsEmpty)
        {
            // Everything available went meanwhile (a refund reversed it): nothing left the ledger.
            var at = Book.Preparing[idempotencyKey];
            Book.Preparing.Remove(idempotencyKey);
            await state.WriteOrUndoAsync(() => Book.Preparing[idempotencyKey] = at);
            throw new BroadcartException(CreatorErrors.NothingToPay, "no commission is available any more");
        }

        var method = Book.Method!;
        var quote = Convert(taken, await rates.LatestAsync(), method);
        var requested = Book.Preparing[idempotencyKey];
        var payout = new Payout(payoutId, idempotencyKey, PayoutStatus.Submitted, quote.Amount, quote.Sources, quote.FxRate, quote.RateDate, method, requested, time.GetUtcNow());
        Book.Payouts.Add(payout);
        Book.Preparing.Remove(idempotencyKey);
        Book.AwaitingRail.Add(payoutId);
        await state.WriteOrUndoAsync(() =>
        {
            Book.Payouts.Remove(payout);
            Book.Preparing[idempotencyKey] = requested;
            Book.AwaitingRail.Remove(payoutId);
        });

        if (quote.Amount.AmountMinor == 0)
        {
            await FailAsync(payout, $"worth less than one minor unit of {method.Currency} at the rates of {quote.RateDate:yyyy-MM-dd}");
        }
        else
        {
            await SubmitAsync(payoutId);
        }

        return Find(idempotencyKey)!;
    }

    /// <summary>Hands a recorded payout to the rail with its id as the idempotency key; a transient failure leaves it for the next try.</summary>
    private async Task SubmitAsync(string payoutId)
    {
        var payout = Book.Payouts.Single(p => p.PayoutId == payoutId);
        var holder = (await Creator.Get()).Name;
        RailTransfer transfer;
        try
        {
            using var limit = new CancellationTokenSource(RailCallLimit);
            transfer = await rail.SubmitAsync(new RailTransferRequest(payoutId, payout.Amount, payout.Method, holder, $"Broadcart {payoutId[..12]}"), limit.Token);
        }
        catch (PayoutRailException e) when (e.Transient)
        {
            logger.LogWarning(e, "The {Rail} rail did not take payout {PayoutId} of creator {CreatorId}; it is submitted again with the same key", rail.Name, payoutId, CreatorId);
            await EnsureReminderAsync();
            return;
        }
        catch (PayoutRailException e)
        {
            Book.AwaitingRail.Remove(payoutId);
            await FailAsync(payout, e.Message);
            return;
        }

        Book.AwaitingRail.Remove(payoutId);
        try
        {
            await ApplyAsync(payout, transfer, dirty: true);
        }
        catch
        {
            // Not durable: submit again (the rail answers the same transfer for the same key).
            Book.AwaitingRail.Add(payoutId);
            throw;
        }
    }

    private async Task RefreshStatusesAsync(CancellationToken cancellationToken)
    {
        foreach (var payout in Book.Payouts.Where(p => p.Status == PayoutStatus.Submitted && p.RailTransferId is not null).ToList())
        {
            try
            {
                await ApplyAsync(payout, await rail.GetAsync(payout.RailTransferId!, cancellationToken));
            }
            catch (Exception e) when (e is PayoutRailException or OperationCanceledException)
            {
                // The stored status stands until the rail answers.
                logger.LogDebug(e, "No status for payout {PayoutId} from the {Rail} rail", payout.PayoutId, rail.Name);
            }
        }
    }

    /// <summary>Takes the rail's word; writes when it changed something or the caller changed state before (<paramref name="dirty"/>).</summary>
    private async Task ApplyAsync(Payout payout, RailTransfer transfer, bool dirty = false)
    {
        if (transfer.Status == PayoutStatus.Failed)
        {
            await FailAsync(payout with { RailTransferId = transfer.TransferId }, $"the {rail.Name} rail reports {transfer.Detail ?? "failure"}");
            return;
        }

        if (payout.Status != transfer.Status || payout.RailTransferId != transfer.TransferId)
        {
            Replace(payout with { RailTransferId = transfer.TransferId, Status = transfer.Status, UpdatedAt = time.GetUtcNow() });
            dirty = true;
        }

        if (dirty)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Records the failure, then gives the amounts back to the ledger (again by the reminder if that call fails).</summary>
    private async Task FailAsync(Payout payout, string reason)
    {
        Replace(payout with { Status = PayoutStatus.Failed, FailureReason = reason, UpdatedAt = time.GetUtcNow() });
        Book.ToReturn.Add(payout.PayoutId);
        await state.WriteStateAsync();
        await ReturnAsync(payout.PayoutId);
    }

    private async Task ReturnAsync(string payoutId)
    {
        await Ledger.ReturnPayout(payoutId);
        Book.ToReturn.Remove(payoutId);
        await state.WriteStateAsync();
    }

    private bool Outstanding =>
        Book.Preparing.Count > 0 || Book.AwaitingRail.Count > 0 || Book.ToReturn.Count > 0 || Book.Payouts.Any(p => p.Status == PayoutStatus.Submitted);

    private Payout? Find(string idempotencyKey) => Book.Payouts.Find(p => p.IdempotencyKey == idempotencyKey);

    private void Replace(Payout payout) => Book.Payouts[Book.Payouts.FindIndex(p => p.PayoutId == payout.PayoutId)] = payout;

    private async Task EnsureReminderAsync()
    {
        if (await this.GetReminder(RetryReminder) is null)
        {
            await this.RegisterOrUpdateReminder(RetryReminder, options.Value.RetryInterval, options.Value.RetryInterval);
        }
    }

    private async Task TryAsync(Func<Task> step, string what)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Creator {CreatorId}: {What} failed; the next reminder tries again", CreatorId, what);
        }
    }
}

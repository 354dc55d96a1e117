using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Earnings;

/// <summary>
/// A creator's commission ledger, keyed by creator id. Every change is an entry, written before
/// the call returns; each order earns at most once and is reversed at most once.
/// </summary>
[Alias("Broadcart.ICreatorLedgerGrain")]
public interface ICreatorLedgerGrain : IGrainWithStringKey
{
    /// <summary>Records a paid order's commission (pending); the same order again changes nothing.</summary>
    [Alias("Accrue")]
    Task<Earnings> Accrue(CommissionAccrual accrual);

    /// <summary>Takes back a refunded order's commission; an order that earned nothing, or was reversed, changes nothing.</summary>
    [Alias("Reverse")]
    Task<Earnings> Reverse(string orderId);

    /// <summary>
    /// Takes everything available for a payout (each currency with a positive balance, after
    /// releasing what is due), written before it answers; the same payout id again takes nothing
    /// more and answers what it took then. Empty when nothing is available.
    /// </summary>
    [Alias("PayOut")]
    Task<ImmutableArray<Money>> PayOut(string payoutId);

    /// <summary>Makes a failed payout's amounts available again, once; a payout that took nothing changes nothing.</summary>
    [Alias("ReturnPayout")]
    Task<Earnings> ReturnPayout(string payoutId);

    /// <summary>Balances and entries, after releasing what has passed its hold period.</summary>
    [Alias("Get")]
    Task<Earnings> Get();
}

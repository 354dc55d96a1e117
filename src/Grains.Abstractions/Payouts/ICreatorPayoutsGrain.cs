using System.Collections.Immutable;

namespace Broadcart.Grains.Payouts;

/// <summary>
/// A creator's payouts and payout method, keyed by creator id. Payouts take from the creator's
/// ledger (<c>ICreatorLedgerGrain.PayOut</c>) and go out through the configured payout rail.
/// </summary>
[Alias("Broadcart.ICreatorPayoutsGrain")]
public interface ICreatorPayoutsGrain : IGrainWithStringKey
{
    /// <summary>Sets where payouts go (the rail must be this deployment's, the currency one the rates know); the profile shows its currency.</summary>
    [Alias("SetMethod")]
    Task<PayoutMethod> SetMethod(PayoutMethod method);

    [Alias("GetMethod")]
    Task<PayoutMethod?> GetMethod();

    /// <summary>
    /// Pays out everything available, converted into the method's currency at the latest reference
    /// rates; refusals <c>not_verified</c>, <c>no_payout_method</c>, <c>nothing_to_pay</c>. The same key
    /// again answers the same payout and submits nothing new.
    /// </summary>
    [Alias("Request")]
    Task<PayoutRequestResult> Request(string idempotencyKey);

    /// <summary>What <see cref="Request"/> would pay out now, for the creator to confirm; the same refusals, and nothing changes.</summary>
    [Alias("Quote")]
    Task<PayoutQuote> Quote();

    /// <summary>Every payout, newest first, with the rail's latest word on those not yet paid or failed.</summary>
    [Alias("List")]
    Task<ImmutableArray<Payout>> List();
}

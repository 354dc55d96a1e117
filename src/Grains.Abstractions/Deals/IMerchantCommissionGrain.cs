using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Deals;

/// <summary>
/// What a merchant owes creators, per deal, keyed by merchant id: the merchant's side of the
/// commission that creators' ledgers hold. Idempotent per order, like the ledger.
/// </summary>
[Alias("Broadcart.IMerchantCommissionGrain")]
public interface IMerchantCommissionGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(string orderId, string dealId, Money amount);

    [Alias("Reverse")]
    Task Reverse(string orderId);

    /// <summary>Commission owed per deal (accrued and not reversed), summed per currency.</summary>
    [Alias("Owed")]
    Task<ImmutableDictionary<string, ImmutableArray<Money>>> Owed();
}

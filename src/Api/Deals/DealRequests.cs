using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Deals;

namespace Broadcart.Api.Deals;

public sealed record DealRequest(string? ProductId, int? CommissionBps, long? MinFollowers, IReadOnlyList<string>? Regions);

/// <summary>
/// A deal on the wire. Its merchant sees who accepted (<c>acceptedBy</c>); a creator sees whether
/// they did (<c>accepted</c>) and not which other creators did.
/// </summary>
public sealed record DealResponse(
    string DealId,
    string ProductId,
    string MerchantId,
    int CommissionBps,
    long MinFollowers,
    IReadOnlyList<string> Regions,
    DateTimeOffset CreatedAt,
    bool Accepted,
    int AcceptedCount,
    IReadOnlyList<string>? AcceptedBy,
    IReadOnlyList<Money>? CommissionOwed)
{
    /// <summary><paramref name="owed"/>: the merchant's commission per deal, shown to the deal's merchant only.</summary>
    public static DealResponse For(DealView deal, string callerId, IReadOnlyDictionary<string, ImmutableArray<Money>>? owed = null) => new(
        deal.DealId, deal.ProductId, deal.MerchantId, deal.CommissionBps, deal.MinFollowers, deal.Regions, deal.CreatedAt,
        deal.AcceptedBy.Contains(callerId), deal.AcceptedBy.Length, deal.MerchantId == callerId ? deal.AcceptedBy : null,
        deal.MerchantId == callerId ? (owed?.GetValueOrDefault(deal.DealId) is { IsDefault: false } m ? m : []) : null);
}

public sealed record DealList(IReadOnlyList<DealResponse> Deals);

using Broadcart.Client.Wire;

namespace Broadcart.Client.Rest;

// The bodies of the REST calls, as docs/protocol.md names their fields; optional fields are null to leave them out.

public sealed record NewRoom(string Title, string? Language = null, string? HomeRegion = null, string? MerchantId = null, string? CoverUrl = null);

public sealed record NewProduct(
    string Title, int Stock, IReadOnlyList<RegionPrice> Prices, IReadOnlyList<string> ShipsTo, string? Description = null, string? ImageUrl = null,
    bool? RestockOnRefund = null);

public sealed record NewOrder(string ProductId, int Quantity, string IdempotencyKey);

public sealed record NewFlashSale(string ProductId, int Quantity, int PerUserLimit, int DurationSeconds, Money? Price = null);

public sealed record NewAuction(string ProductId, Money StartPrice, Money Increment, int DurationSeconds, int? AntiSnipeSeconds = null, int? ExtendSeconds = null);

internal sealed record ProductRef(string ProductId);

/// <summary>Where a room is promoted and what it may spend; <c>Mode = "auto"</c> needs <c>PlannedMinutes</c>.</summary>
public sealed record ReachSetting(
    IReadOnlyList<string> Regions, IReadOnlyList<string> ExcludedRegions, Money Budget, Money BidCpm, string? Mode = null, int? PlannedMinutes = null);

/// <summary>A commission offer: basis points of each paid order's total, to creators with enough followers in <c>Regions</c> (empty: anywhere).</summary>
public sealed record NewDeal(string ProductId, int CommissionBps, long? MinFollowers = null, IReadOnlyList<string>? Regions = null);

internal sealed record DealList(IReadOnlyList<Deal> Deals);

/// <summary>Identity documents for review: the media ids of two uploads made with purpose <c>verification</c>.</summary>
public sealed record VerificationSubmission(string LegalName, string Country, string DocumentMediaId, string SelfieMediaId);

internal sealed record VerificationDecision(string Decision, string? Reason);

internal sealed record VerificationAccepted(string Status);

/// <summary><c>Purpose</c> is <c>productImage</c>, <c>roomCover</c> or <c>verification</c>; <c>Length</c> in bytes.</summary>
public sealed record NewUpload(string Purpose, string ContentType, long Length);

internal sealed record PayoutRequest(string IdempotencyKey);

internal sealed record PayoutList(IReadOnlyList<Payout> Payouts);

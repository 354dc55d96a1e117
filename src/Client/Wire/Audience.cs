namespace Broadcart.Client.Wire;

/// <summary>One paid region's share of an auto-paced budget; <see cref="Roi"/> is null until the region has measured spend.</summary>
public sealed record RegionAllocation(string Region, double Share, double? Roi);

/// <summary>
/// A room's paid reach as <c>PUT</c> and <c>GET /api/rooms/{roomId}/reach</c> answer it;
/// <see cref="State"/> is <c>active</c>, <c>exhausted</c> or <c>paused</c>, <see cref="Mode"/> <c>manual</c> or <c>auto</c>.
/// </summary>
public sealed record Reach(
    string RoomId, IReadOnlyList<string> Regions, IReadOnlyList<string> ExcludedRegions, Money Budget, Money BidCpm, Money Spend, long SpendMicros,
    long PaidImpressions, string State, long UnbilledImpressions, string Mode, int? PlannedMinutes, IReadOnlyList<RegionAllocation> Allocation);

/// <summary>A creator's public profile; <see cref="Verification"/> is <c>none</c>, <c>pending</c>, <c>verified</c> or <c>rejected</c>.</summary>
public sealed record Creator(string Id, string Name, string Region, long Followers, string Verification, string? PayoutCurrency);

/// <summary>
/// A merchant's commission offer to creators. For merchants <see cref="AcceptedBy"/> and
/// <see cref="CommissionOwed"/> (paid orders under the deal, per currency, refunds taken out);
/// for creators <see cref="Accepted"/> says whether they took it.
/// </summary>
public sealed record Deal(
    string DealId, string ProductId, string MerchantId, int CommissionBps, long MinFollowers, IReadOnlyList<string> Regions, DateTimeOffset CreatedAt,
    bool Accepted, int AcceptedCount, IReadOnlyList<string>? AcceptedBy, IReadOnlyList<Money>? CommissionOwed);

/// <summary>The moderators a room's streamer appointed.</summary>
public sealed record RoomModerators(string RoomId, IReadOnlyList<string> Moderators);

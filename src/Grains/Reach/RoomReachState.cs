using Broadcart.Grains.Common;

namespace Broadcart.Grains.Reach;

[GenerateSerializer, Alias("Broadcart.RoomReachState")]
public sealed class RoomReachState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public List<string> Regions { get; set; } = [];
    [Id(2)] public List<string> ExcludedRegions { get; set; } = [];
    [Id(3)] public Money Budget { get; set; } = new("USD", 0);
    [Id(4)] public Money BidCpm { get; set; } = new("USD", 0);
    [Id(5)] public long SpendMicros { get; set; }
    [Id(6)] public long PaidImpressions { get; set; }
    [Id(7)] public ReachPhase Phase { get; set; }
    [Id(8)] public long Version { get; set; }

    /// <summary>Budget set aside for feed caches, by holder (one activation of a silo's cache).</summary>
    [Id(9)] public Dictionary<string, ImpressionLease> Leases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Paid impressions served that the budget could not pay for: shown, never charged.</summary>
    [Id(10)] public long UnbilledImpressions { get; set; }

    /// <summary>Spend by region: the auto pacer's ledger (metrics are counted one-way and may lag).</summary>
    [Id(11)] public Dictionary<string, long> SpendByRegion { get; set; } = new(StringComparer.Ordinal);

    [Id(12)] public ReachMode Mode { get; set; }
    [Id(13)] public int? PlannedMinutes { get; set; }

    /// <summary>When auto mode began, and what had been spent then: only the rest is paced.</summary>
    [Id(14)] public DateTimeOffset? PacedSince { get; set; }
    [Id(15)] public long PacedFromMicros { get; set; }
}

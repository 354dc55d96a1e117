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
}

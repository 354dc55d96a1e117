namespace Broadcart.Grains.Metrics;

[GenerateSerializer, Alias("Broadcart.RoomMetricsState")]
public sealed class RoomMetricsState
{
    [Id(0)] public Dictionary<string, Counters> ByRegion { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Keyed "{unix minute}|{region}"; only the last day is kept.</summary>
    [Id(1)] public Dictionary<string, Counters> ByMinute { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public Dictionary<string, int> ViewersNow { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public int PeakViewers { get; set; }
    [Id(4)] public long Version { get; set; }

    /// <summary>Keyed "{unix hour}|{region}", kept for the room's life: the report's cells.</summary>
    [Id(5)] public Dictionary<string, Counters> ByHour { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Distinct joiners per region; the total is their union.</summary>
    [Id(6)] public Dictionary<string, ViewerSketch> ViewersByRegion { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Distinct joiners per hour (all regions), keyed by unix hour.</summary>
    [Id(7)] public Dictionary<string, ViewerSketch> ViewersByHour { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every order attributed here, and whether a refund took it back: what makes attribution count once per order.</summary>
    [Id(8)] public Dictionary<string, bool> AttributedOrders { get; set; } = new(StringComparer.Ordinal);

    [Id(9)] public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The <see cref="Version"/> of the report last stored; behind <see cref="Version"/> means it is stored again.</summary>
    [Id(10)] public long ArchivedVersion { get; set; } = -1;
}

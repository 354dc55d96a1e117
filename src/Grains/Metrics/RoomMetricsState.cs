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
}

using System.Collections.Immutable;
using Broadcart.Grains.Attribution;
using Orleans.Concurrency;

namespace Broadcart.Grains.Metrics;

/// <summary>A room's counters by region and minute, and by region and hour for its report (key: room id).</summary>
[Alias("Broadcart.IRoomMetricsGrain")]
public interface IRoomMetricsGrain : IGrainWithStringKey
{
    /// <summary>One-way: counting never slows what is being counted.</summary>
    [OneWay, Alias("Record")]
    Task Record(ImmutableArray<MetricsDelta> deltas);

    /// <summary>
    /// A paid order attributed to this room, counted once per order id: durable when this answers,
    /// so the order may note that it was counted.
    /// </summary>
    [Alias("RecordAttribution")]
    Task RecordAttribution(AttributedOrder order);

    /// <summary>A refund of an attributed order takes it back out, once; an order never counted changes nothing.</summary>
    [Alias("ReverseAttribution")]
    Task ReverseAttribution(AttributedOrder order);

    /// <summary>One-way, from the room when it ends: the report is stored (Blob Storage when configured).</summary>
    [OneWay, Alias("RoomEnded")]
    Task RoomEnded(DateTimeOffset endedAt);

    [Alias("Get")]
    Task<MetricsReport> Get();

    /// <summary>The raw figures of the room's report, as they are now.</summary>
    [Alias("GetReportData")]
    Task<ReportData> GetReportData();

    /// <summary>Stores the report of an ended room now (if it is not stored yet or is behind) and answers its figures.</summary>
    [Alias("ArchiveReport")]
    Task<ReportData> ArchiveReport(DateTimeOffset endedAt);
}

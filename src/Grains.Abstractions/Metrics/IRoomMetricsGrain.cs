using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Broadcart.Grains.Metrics;

/// <summary>A room's counters by region and minute (key: room id).</summary>
[Alias("Broadcart.IRoomMetricsGrain")]
public interface IRoomMetricsGrain : IGrainWithStringKey
{
    /// <summary>One-way: counting never slows what is being counted.</summary>
    [OneWay, Alias("Record")]
    Task Record(ImmutableArray<MetricsDelta> deltas);

    [Alias("Get")]
    Task<MetricsReport> Get();
}

namespace Broadcart.Cluster.Tests;

/// <summary>
/// The production topology as separate processes on 127.0.0.1, shared by the tests of the
/// collection: its own Redis (persistent, so that a test may stop and restart it) and Azurite, two
/// silos that notice a dead one in seconds, two API nodes.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    public Topology Topology { get; private set; } = null!;

    public NodeClient[] Api => Topology.Api;

    public async Task InitializeAsync() => Topology = await new TopologyBuilder("proc")
        .Silos(2)
        .ApiNodes(2)
        .PersistentRedis()
        .FastFailureDetection()
        .ApiSetting("RateLimits__HttpPerSecond", "5000")
        .ApiSetting("RateLimits__HttpBurst", "20000")
        .ApiSetting("Relay__HeartbeatInterval", "00:00:01")
        .LogsIn(Path.Combine(RepoPaths.Root, ".test-run", "cluster"))
        .StartAsync();

    public async Task DisposeAsync() => await Topology.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection : ICollectionFixture<ProcessCluster>
{
    public const string Name = "process cluster";
}

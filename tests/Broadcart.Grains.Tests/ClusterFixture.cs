using Broadcart.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Broadcart.Grains.Tests;

/// <summary>An in-process cluster of two silos, configured like production apart from membership.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddBroadcartGrains(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Rooms:MaintenanceInterval"] = "00:00:00.200",
                ["Orders:ReservationTtl"] = "00:00:02",
                ["Orders:OrphanGrace"] = "00:00:01",
                ["Payouts:HoldPeriod"] = "00:00:02",
                ["Feeds:LeaseTtl"] = "00:00:01",
            }).Build());
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

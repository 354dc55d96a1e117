using Broadcart.Grains.Common;
using Broadcart.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Broadcart.Grains.Tests.Storage;

/// <summary>
/// Grain storage as a Blob-configured silo has it (the official Azure provider, our client and
/// options) against Azurite: the contract the grains rely on.
/// </summary>
public sealed class AzureGrainStorageTests(AzureGrainStorageTests.BlobSilo silo) : IClassFixture<AzureGrainStorageTests.BlobSilo>
{
    private readonly IGrainStorage _storage = silo.Storage;

    public sealed class BlobSilo : IAsyncLifetime
    {
        private static readonly string ContainerName = "conformance-" + Guid.NewGuid().ToString("N")[..12];

        private readonly TestCluster _cluster = new TestClusterBuilder(initialSilosCount: 1)
            .AddSiloBuilderConfigurator<SiloConfigurator>()
            .Build();

        public IGrainStorage Storage => ((InProcessSiloHandle)_cluster.Primary!).SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

        public Task InitializeAsync() => _cluster.DeployAsync();

        public async Task DisposeAsync() => await _cluster.DisposeAsync();

        private sealed class SiloConfigurator : ISiloConfigurator
        {
            public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddBroadcartGrains(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orleans:StateStore"] = "Blob",
                ["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString,
                ["Blob:StateContainer"] = ContainerName,
            }).Build());
        }
    }

    private static GrainId NewGrain() => GrainId.Create("testgrain", Guid.NewGuid().ToString("N"));

    [GenerateSerializer]
    public sealed class Counter
    {
        [Id(0)] public int Value { get; set; }
        [Id(1)] public List<string> Notes { get; set; } = [];
    }

    private async Task<GrainState<Counter>> ReadAsync(GrainId grain, string name = "state")
    {
        var state = new GrainState<Counter>(new Counter());
        await _storage.ReadStateAsync(name, grain, state);
        return state;
    }

    [Fact]
    public async Task Missing_state_reads_as_no_record()
    {
        var state = await ReadAsync(NewGrain());
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Value);
    }

    [Fact]
    public async Task State_round_trips_and_each_write_moves_the_etag()
    {
        var grain = NewGrain();
        var state = await ReadAsync(grain);
        state.State = new Counter { Value = 42, Notes = ["a", "b"] };
        await _storage.WriteStateAsync("state", grain, state);
        var first = state.ETag;
        Assert.NotNull(first);

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State!.Value);
        Assert.Equal(["a", "b"], read.State!.Notes);
        Assert.Equal(first, read.ETag);

        read.State!.Value = 43;
        await _storage.WriteStateAsync("state", grain, read);
        Assert.NotEqual(first, read.ETag);
        Assert.Equal(43, (await ReadAsync(grain)).State!.Value);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_inconsistent_and_changes_nothing()
    {
        var grain = NewGrain();
        var a = await ReadAsync(grain);
        a.State!.Value = 1;
        await _storage.WriteStateAsync("state", grain, a);

        var b = await ReadAsync(grain);
        b.State!.Value = 2;
        await _storage.WriteStateAsync("state", grain, b);

        a.State!.Value = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("state", grain, a));
        Assert.Equal(2, (await ReadAsync(grain)).State!.Value);
    }

    [Fact]
    public async Task A_first_write_over_an_existing_blob_is_inconsistent()
    {
        var grain = NewGrain();
        var a = await ReadAsync(grain);
        var b = await ReadAsync(grain);
        a.State!.Value = 1;
        await _storage.WriteStateAsync("state", grain, a);
        b.State!.Value = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("state", grain, b));
        Assert.Equal(1, (await ReadAsync(grain)).State!.Value);
    }

    [Fact]
    public async Task Clear_removes_the_state_and_a_stale_clear_is_inconsistent()
    {
        var grain = NewGrain();
        var a = await ReadAsync(grain);
        a.State!.Value = 5;
        await _storage.WriteStateAsync("state", grain, a);
        var stale = await ReadAsync(grain);
        a.State!.Value = 6;
        await _storage.WriteStateAsync("state", grain, a);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("state", grain, stale));
        Assert.Equal(6, (await ReadAsync(grain)).State!.Value);

        await _storage.ClearStateAsync("state", grain, a);
        Assert.False(a.RecordExists);
        Assert.Null(a.ETag);
        var after = await ReadAsync(grain);
        Assert.False(after.RecordExists);
        Assert.Equal(0, after.State!.Value);
    }

    [Fact]
    public async Task Two_state_names_of_one_grain_are_independent()
    {
        var grain = NewGrain();
        var first = await ReadAsync(grain, "first");
        first.State!.Value = 1;
        await _storage.WriteStateAsync("first", grain, first);
        var second = await ReadAsync(grain, "second");
        Assert.False(second.RecordExists);
        second.State!.Value = 2;
        await _storage.WriteStateAsync("second", grain, second);

        Assert.Equal(1, (await ReadAsync(grain, "first")).State!.Value);
        Assert.Equal(2, (await ReadAsync(grain, "second")).State!.Value);
        await _storage.ClearStateAsync("first", grain, first);
        Assert.Equal(2, (await ReadAsync(grain, "second")).State!.Value);
    }

    [Fact]
    public async Task Of_concurrent_writers_exactly_one_wins()
    {
        var grain = NewGrain();
        var writers = Enumerable.Range(1, 20).Select(i => new GrainState<Counter>(new Counter { Value = i })).ToList();
        var results = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await _storage.WriteStateAsync("state", grain, w);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(won => won));
        var winner = writers[Array.IndexOf(results, true)];
        Assert.Equal(winner.State!.Value, (await ReadAsync(grain)).State!.Value);
    }
}

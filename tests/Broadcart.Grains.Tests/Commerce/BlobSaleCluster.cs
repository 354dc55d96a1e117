using System.Text.Json;
using Azure.Storage.Blobs;
using Broadcart.Grains.Common;
using Broadcart.Grains.Hosting;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Commerce;
using Broadcart.Grains.Commerce.Log;
using Broadcart.Grains.Storage;
using Broadcart.Grains.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Broadcart.Grains.Tests.Commerce;

/// <summary>
/// A one-silo test cluster with state and sale logs in Azurite, a sale log that can lose an
/// append's answer on purpose, small compaction and a short handoff pause.
/// </summary>
public sealed class BlobSaleCluster : IAsyncLifetime
{
    private static readonly string ContainerName = "sales-" + Guid.NewGuid().ToString("N")[..12];

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static BlobContainerClient Container =>
        BlobClients.Container(new BlobStorageOptions { ConnectionString = TestEnvironment.BlobConnectionString }, ContainerName);

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Every grain reads its state again from storage: what holds then is what is durable.</summary>
    public Task FromStorageAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>Whether the order grain has written its own state (read through the silo's grain storage).</summary>
    public async Task<bool> HasOwnRecordAsync(string orderId)
    {
        var storage = ((InProcessSiloHandle)Cluster.Primary!).SiloHost!.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.Default);
        var state = new GrainState<OrderState>(new OrderState());
        await storage.ReadStateAsync("order", GrainId.Create("order", orderId), state);
        return state.RecordExists;
    }

    public Task<SalePlacement> Buy(FlashSaleView sale, Actor buyer, string key, int quantity = 1) =>
        Grains.GetGrain<IFlashSaleGrain>(sale.Key).Place(new SalePurchase(OrderIds.For(buyer.UserId, key), sale.RoomId, sale.ProductId, quantity, key, buyer));

    /// <summary>How many times the sale's logs (every generation) record the order as sold.</summary>
    public static async Task<int> TimesLoggedAsync(string saleKey, string orderId, BlobContainerClient? container = null)
    {
        container ??= Container;
        var times = 0;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"sales/{saleKey}/log-", CancellationToken.None))
        {
            var text = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                times += JsonDocument.Parse(line).RootElement.GetProperty("entries").EnumerateArray()
                    .Count(e => e.GetProperty("kind").GetString() == SaleLogEntry.Sold
                        && e.GetProperty("order").GetProperty("orderId").GetString() == orderId);
            }
        }

        return times;
    }

    public static async Task<int> LogGenerationsAsync(string saleKey)
    {
        var count = 0;
        await foreach (var _ in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"sales/{saleKey}/log-", CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddBroadcartGrains(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orleans:StateStore"] = "Blob",
                ["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString,
                ["Blob:StateContainer"] = ContainerName,
                ["Orders:SaleCompactEvery"] = "4",
                ["Orders:HandoffQuiet"] = "00:00:01",
                ["Orders:HandoffInterval"] = "00:00:00.200",
            }).Build());

            // Registered last, so it is the one the sales resolve.
            siloBuilder.Services.AddSingleton<ISaleLog>(new LostAnswerSaleLog(new BlobSaleLog(Container)));
        }
    }
}

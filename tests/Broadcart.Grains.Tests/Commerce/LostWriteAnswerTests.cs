using Broadcart.Grains.Common;
using Broadcart.Grains.Hosting;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Commerce;
using Broadcart.Grains.Commerce.Log;
using Broadcart.Grains.Storage;
using Broadcart.Grains.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Broadcart.Grains.Tests.Commerce;

/// <summary>
/// Writes that land while their answer is lost, on blob storage in Azurite: an order the buyer is
/// told about always holds its units, and no unit is sold twice.
/// </summary>
public sealed class LostWriteAnswerTests : IAsyncLifetime
{
    private static readonly string Container = "lost-answers-" + Guid.NewGuid().ToString("N")[..12];

    private readonly TestCluster _cluster = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    private IGrainFactory Grains => _cluster.GrainFactory;

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private Task<PlaceOrderResult> Order(Shop shop, Actor buyer, string key = "k1") =>
        Grains.GetGrain<IOrderGrain>(OrderIds.For(buyer.UserId, key)).Place(new PlaceOrder(shop.RoomId, shop.ProductId, 1, key, buyer));

    /// <summary>Every grain reads its state again from storage: what holds then is what is durable.</summary>
    private Task FromStorageAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    [Fact]
    public async Task An_order_whose_write_landed_unanswered_is_acknowledged_and_keeps_its_units()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 3);
        var inventory = Grains.GetGrain<IInventoryGrain>(shop.ProductId);
        var buyer = Shop.Buyer("lost-order-answer");

        LostResponseStorage.LoseNextAnswer("order");
        var placed = await Order(shop, buyer);
        Assert.Equal(OrderStatus.Reserved, placed.Order.Status);
        Assert.Equal(2, (await inventory.GetStock()).Available);

        var again = await Order(shop, buyer);
        Assert.False(again.Created);
        Assert.Equal(placed.Order.OrderId, again.Order.OrderId);

        await FromStorageAsync();
        Assert.Equal(OrderStatus.Reserved, (await Grains.GetGrain<IOrderGrain>(placed.Order.OrderId).Get()).Status);
        var stock = await inventory.GetStock();
        Assert.Equal(2, stock.Available);
        Assert.Equal(1, stock.Reserved);
    }

    [Fact]
    public async Task A_reservation_whose_write_landed_unanswered_is_found_on_retry_and_never_sold_twice()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 3);
        var inventory = Grains.GetGrain<IInventoryGrain>(shop.ProductId);
        var first = Shop.Buyer("lost-reserve-answer");

        LostResponseStorage.LoseNextAnswer("inventory");
        var refused = await Assert.ThrowsAsync<BroadcartException>(() => Order(shop, first));
        Assert.Equal(ErrorCodes.StorageUnavailable, refused.Code);

        // The buyer retries with the same key: the unit storage already holds for the order is theirs.
        var placed = await Order(shop, first);
        Assert.Equal(OrderStatus.Reserved, placed.Order.Status);

        var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await Order(shop, Shop.Buyer($"after-lost-answer-{i}"));
                return "reserved";
            }
            catch (BroadcartException e)
            {
                return e.Code;
            }
        }));
        Assert.Equal(2, others.Count(o => o == "reserved"));
        Assert.Equal(2, others.Count(o => o == CommerceErrors.SoldOut));

        await FromStorageAsync();
        var stock = await inventory.GetStock();
        Assert.Equal(0, stock.Available);
        Assert.Equal(3, stock.Reserved);
    }

    [Fact]
    public async Task A_sale_append_that_landed_unanswered_is_neither_lost_nor_applied_twice()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 5);
        var sale = await shop.Room.StartFlashSale(shop.Streamer, new FlashSaleRequest(shop.ProductId, 3, 1, 600, null));
        var saleGrain = Grains.GetGrain<IFlashSaleGrain>(sale.Key);
        var buyer = Shop.Buyer("lost-append-answer");
        Task<SalePlacement> Buy(Actor who) =>
            saleGrain.Place(new SalePurchase(OrderIds.For(who.UserId, "k"), shop.RoomId, shop.ProductId, 1, "k", who));

        LostAnswerSaleLog.LoseNextAnswer(sale.Key);
        var refused = await Assert.ThrowsAsync<BroadcartException>(() => Buy(buyer));
        Assert.Equal(ErrorCodes.StorageUnavailable, refused.Code);

        // The buyer retries with the same key (a reloading sale says 503 again, and a client retries
        // that too): the sale replays its log and finds the order the lost answer was about.
        var retried = await Eventually.Until(async () =>
        {
            try
            {
                return await Buy(buyer);
            }
            catch (BroadcartException e) when (e.Code == ErrorCodes.StorageUnavailable)
            {
                return null;
            }
        }, placed => placed is not null, "the retry to get past the sale's reload");
        Assert.False(retried!.Result!.Created);
        Assert.Equal(OrderIds.For(buyer.UserId, "k"), retried.Result.Order.OrderId);

        var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                return (await Buy(Shop.Buyer($"after-lost-append-{i}"))).Result is { Created: true } ? "created" : "other";
            }
            catch (BroadcartException e)
            {
                return e.Code;
            }
        }));
        Assert.Equal(2, others.Count(o => o == "created"));
        Assert.Equal(2, others.Count(o => o == CommerceErrors.SoldOut));

        await FromStorageAsync();
        Assert.Equal(0, (await saleGrain.Get()).Remaining);
        Assert.Equal(1, await BlobSaleCluster.TimesLoggedAsync(sale.Key, retried.Result.Order.OrderId, BlobClients.Container(new BlobStorageOptions { ConnectionString = TestEnvironment.BlobConnectionString }, Container)));
        Assert.Equal(OrderStatus.Reserved, (await Grains.GetGrain<IOrderGrain>(retried.Result.Order.OrderId).Get()).Status);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var blob = new BlobStorageOptions { ConnectionString = TestEnvironment.BlobConnectionString };
            siloBuilder.AddBroadcartGrains(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orleans:StateStore"] = "Blob",
                ["Blob:ConnectionString"] = blob.ConnectionString,
                ["Blob:StateContainer"] = Container,
            }).Build());

            // The real provider under a name of its own, and wrapped under the default name, registered
            // last so that it is the one Orleans resolves.
            var blobOptions = new BlobStorageOptions { ConnectionString = blob.ConnectionString, StateContainer = Container };
            siloBuilder.AddAzureBlobGrainStorage("real-blob", o => BlobStateStore.Configure(o, blobOptions));
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(
                StorageNames.Default,
                (sp, _) => new LostResponseStorage(sp.GetRequiredKeyedService<IGrainStorage>("real-blob")));
            var container = BlobClients.Container(blob, Container);
            siloBuilder.Services.AddSingleton<ISaleLog>(new LostAnswerSaleLog(new BlobSaleLog(container)));
        }
    }
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Commerce;
using Broadcart.Grains.Tests.Storage;
using Azure.Storage.Blobs;

namespace Broadcart.Grains.Tests.Commerce;

/// <summary>The flash sale as the system of record for its orders, on blob storage in Azurite.</summary>
public sealed class SaleRecordTests(BlobSaleCluster fixture) : IClassFixture<BlobSaleCluster>
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(Shop Shop, FlashSaleView Sale)> SaleAsync(int units, int perUserLimit = 1)
    {
        var shop = await Shop.OpenAsync(Grains, stock: units + 10);
        var sale = await shop.Room.StartFlashSale(shop.Streamer, new FlashSaleRequest(shop.ProductId, units, perUserLimit, 600, new Money("USD", 999)));
        return (shop, sale);
    }

    private static async Task<string> Outcome(Task<SalePlacement> placing)
    {
        try
        {
            var placed = await placing;
            return placed.Result is { Created: true } ? "created" : placed.Result is null ? "elsewhere" : "replayed";
        }
        catch (BroadcartException e)
        {
            return e.Code;
        }
    }

    [Fact]
    public async Task A_thousand_concurrent_retries_of_one_key_make_exactly_one_order_logged_once()
    {
        var (_, sale) = await SaleAsync(units: 5);
        var buyer = Shop.Buyer("impatient");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Outcome(fixture.Buy(sale, buyer, "one-key"))));

        Assert.Equal(1, outcomes.Count(o => o == "created"));
        Assert.Equal(999, outcomes.Count(o => o == "replayed"));
        var orderId = OrderIds.For(buyer.UserId, "one-key");
        Assert.Equal(1, await BlobSaleCluster.TimesLoggedAsync(sale.Key, orderId));
        Assert.Equal(4, (await Grains.GetGrain<IFlashSaleGrain>(sale.Key).Get()).Remaining);

        await fixture.FromStorageAsync();
        Assert.Equal(4, (await Grains.GetGrain<IFlashSaleGrain>(sale.Key).Get()).Remaining);
        Assert.Equal(OrderStatus.Reserved, (await Grains.GetGrain<IOrderGrain>(orderId).Get()).Status);
    }

    [Fact]
    public async Task A_reactivated_sale_replays_snapshot_and_log_and_keeps_selling_exactly_its_units()
    {
        var (_, sale) = await SaleAsync(units: 30);
        var first = new List<SalePlacement>();
        for (var i = 0; i < 20; i++)
        {
            // One after another: an append each, so the log is compacted (every 4 appends here) several times.
            first.Add(await fixture.Buy(sale, Shop.Buyer($"early-{i}"), "k"));
        }

        Assert.All(first, p => Assert.True(p.Result!.Created));
        await Eventually.Until(() => BlobSaleCluster.LogGenerationsAsync(sale.Key), n => n > 1, "a compaction (every 4 appends here)");

        await fixture.FromStorageAsync();
        var replayed = await fixture.Buy(sale, Shop.Buyer("early-3"), "k");
        Assert.False(replayed.Result!.Created);
        Assert.Equal(first[3].Result!.Order, replayed.Result.Order);

        var later = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Outcome(fixture.Buy(sale, Shop.Buyer($"late-{i}"), "k"))));
        Assert.Equal(10, later.Count(o => o == "created"));
        Assert.Equal(10, later.Count(o => o == CommerceErrors.SoldOut));
        var view = await Grains.GetGrain<IFlashSaleGrain>(sale.Key).Get();
        Assert.Equal(0, view.Remaining);
        Assert.Equal(FlashSalePhase.SoldOut, view.Phase);

        foreach (var placed in first)
        {
            var order = await Grains.GetGrain<IOrderGrain>(placed.Result!.Order.OrderId).Get();
            Assert.Equal(placed.Result.Order.Total, order.Total);
            Assert.Equal(sale.SaleId, order.SaleId);
        }
    }

    [Fact]
    public async Task Sold_out_is_answered_from_memory_without_a_storage_call()
    {
        var (_, sale) = await SaleAsync(units: 2);
        await fixture.Buy(sale, Shop.Buyer("lucky-1"), "k");
        await fixture.Buy(sale, Shop.Buyer("lucky-2"), "k");
        var saleGrain = Grains.GetGrain<IFlashSaleGrain>(sale.Key);
        var before = (await saleGrain.GetDiagnostics()).StateWrites;

        var late = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Outcome(fixture.Buy(sale, Shop.Buyer($"late-{i}"), "k"))));

        Assert.All(late, o => Assert.Equal(CommerceErrors.SoldOut, o));
        Assert.Equal(before, (await saleGrain.GetDiagnostics()).StateWrites);
    }

    [Fact]
    public async Task After_the_rush_each_order_is_written_by_its_own_grain_and_payment_and_reads_keep_working()
    {
        var (_, sale) = await SaleAsync(units: 5);
        var buyer = Shop.Buyer("patient");
        var placed = (await fixture.Buy(sale, buyer, "k")).Result!;
        Assert.False(await fixture.HasOwnRecordAsync(placed.Order.OrderId));

        // Read while the sale holds the only record.
        var order = Grains.GetGrain<IOrderGrain>(placed.Order.OrderId);
        Assert.Equal(placed.Order, await order.Get());

        await Eventually.Until(() => fixture.HasOwnRecordAsync(placed.Order.OrderId), exists => exists, "the order's own record, written after the rush", TimeSpan.FromSeconds(30));
        await fixture.FromStorageAsync();
        var paid = await order.ApplyPayment(new PaymentNotice("pay-after-handoff", Succeeded: true));
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(placed.Order.Total, paid.Total);
        Assert.Equal(OrderStatus.Paid, (await order.Get()).Status);
    }
}

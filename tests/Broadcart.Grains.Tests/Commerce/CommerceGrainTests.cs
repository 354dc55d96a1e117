using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Commerce;

namespace Broadcart.Grains.Tests.Commerce;

[Collection(ClusterCollection.Name)]
public sealed class CommerceGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private Task<PlaceOrderResult> Order(Shop shop, Actor buyer, string key, int quantity = 1, string? productId = null) =>
        Grains.GetGrain<IOrderGrain>(OrderIds.For(buyer.UserId, key)).Place(new PlaceOrder(shop.RoomId, productId ?? shop.ProductId, quantity, key, buyer));

    [Fact]
    public async Task Concurrent_reservations_never_oversell_and_share_storage_writes()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 300);
        var inventory = Grains.GetGrain<IInventoryGrain>(shop.ProductId);
        var before = (await inventory.GetDiagnostics()).StateWrites;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            try
            {
                await inventory.Reserve(new ReserveRequest($"order-{i}", $"buyer-{i}", 1, DateTimeOffset.UtcNow.AddMinutes(10)));
                return "reserved";
            }
            catch (BroadcartException e)
            {
                return e.Code;
            }
        }));

        Assert.Equal(300, outcomes.Count(o => o == "reserved"));
        Assert.Equal(200, outcomes.Count(o => o == CommerceErrors.SoldOut));
        var stock = await inventory.GetStock();
        Assert.Equal(0, stock.Available);
        Assert.Equal(300, stock.Reserved);
        var writes = (await inventory.GetDiagnostics()).StateWrites - before;
        // In-memory storage answers fast, so batches are small here; the durable test shows the real ratio.
        Assert.True(writes < 300, $"{writes} storage writes for 300 reservations: group commit did not share writes");
    }

    [Fact]
    public async Task The_same_key_returns_the_first_order_and_other_parameters_are_a_mismatch()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 10);
        var buyer = Shop.Buyer("replayer");
        var first = await Order(shop, buyer, "key-1", quantity: 2);
        Assert.True(first.Created);
        Assert.Equal(OrderStatus.Reserved, first.Order.Status);
        Assert.Equal(new Money("USD", 3998), first.Order.Total);

        var again = await Order(shop, buyer, "key-1", quantity: 2);
        Assert.False(again.Created);
        Assert.Equal(first.Order, again.Order);
        Assert.Equal(8, (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available);

        var mismatch = await Assert.ThrowsAsync<BroadcartException>(() => Order(shop, buyer, "key-1", quantity: 3));
        Assert.Equal(CommerceErrors.IdempotencyMismatch, mismatch.Code);
        Assert.Equal(8, (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available);
    }

    [Fact]
    public async Task Orders_are_refused_outside_the_regions_the_product_ships_to_and_after_the_end_come_from_the_replay()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 10);
        var refused = await Assert.ThrowsAsync<BroadcartException>(() => Order(shop, Shop.Buyer("far-away", "CN"), "k"));
        Assert.Equal(CommerceErrors.NotAvailableInRegion, refused.Code);

        var german = await Order(shop, Shop.Buyer("berlin", "DE"), "k");
        Assert.Equal(new Money("EUR", 1899), german.Order.Total);
        Assert.Equal(OrderSources.Live, german.Order.Source);

        // An ended room sells its showcase from the replay: the same checks, the regular price.
        await shop.Room.End(shop.Streamer);
        var late = await Order(shop, Shop.Buyer("late", "DE"), "k");
        Assert.Equal((OrderSources.Replay, new Money("EUR", 1899)), (late.Order.Source, late.Order.Total));
        var stillRefused = await Assert.ThrowsAsync<BroadcartException>(() => Order(shop, Shop.Buyer("far-away-late", "CN"), "k"));
        Assert.Equal(CommerceErrors.NotAvailableInRegion, stillRefused.Code);
        Assert.Equal(8, (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available);
    }

    [Fact]
    public async Task A_scheduled_room_takes_no_orders()
    {
        var streamer = Actors.Viewer("scheduled-streamer");
        var room = Grains.GetGrain<ILiveRoomGrain>(Actors.NewRoomId());
        await room.Create(new CreateRoom("Later", "en", "US", "merchant-1", streamer));
        var refused = await Assert.ThrowsAsync<BroadcartException>(() => Grains.GetGrain<IOrderGrain>("o-scheduled-" + Guid.NewGuid().ToString("N"))
            .Place(new PlaceOrder(room.GetPrimaryKeyString(), "p-none", 1, "k", Shop.Buyer("early"))));
        Assert.Equal(ErrorCodes.RoomNotLive, refused.Code);
    }

    [Fact]
    public async Task A_flash_sale_enforces_the_per_user_limit_and_an_unpaid_order_expires_and_returns_its_unit()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 20);
        var relay = new RecordingRelay();
        await shop.Room.Subscribe(new NodeSubscription("node", Grains.CreateObjectReference<IRoomRelay>(relay), 1, TimeSpan.FromMinutes(1)));
        var sale = await shop.Room.StartFlashSale(shop.Streamer, new FlashSaleRequest(shop.ProductId, 5, 1, 60, new Money("USD", 999)));
        Assert.Equal(15, (await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock()).Available);

        var buyer = Shop.Buyer("eager");
        var order = await Order(shop, buyer, "first");
        Assert.Equal(sale.SaleId, order.Order.SaleId);
        Assert.Equal(new Money("USD", 999), order.Order.Total);
        var limit = await Assert.ThrowsAsync<BroadcartException>(() => Order(shop, buyer, "second"));
        Assert.Equal(CommerceErrors.LimitExceeded, limit.Code);

        await relay.WaitUntil(events => events.OfType<StockChanged>().Any(s => s.Remaining == 4));
        await relay.WaitUntil(events => events.OfType<Purchased>().Any(p => p.MaskedBuyer == "B***r"));

        // Reservation TTL is 2 s in this cluster: the reminder expires the order and the unit returns.
        await relay.WaitUntil(events => events.OfType<StockChanged>().LastOrDefault()?.Remaining == 5, TimeSpan.FromSeconds(90));
        var expired = await Grains.GetGrain<IOrderGrain>(order.Order.OrderId).Get();
        Assert.Equal(OrderStatus.Expired, expired.Status);
        Assert.Equal(5, (await Grains.GetGrain<IFlashSaleGrain>(sale.Key).Get()).Remaining);

        // With the unit back, the same buyer may buy again.
        Assert.True((await Order(shop, buyer, "third")).Created);
    }

    [Fact]
    public async Task A_flash_sale_that_sells_out_says_so_at_once_and_its_unsold_units_return_when_it_ends()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 10);
        var relay = new RecordingRelay();
        await shop.Room.Subscribe(new NodeSubscription("node", Grains.CreateObjectReference<IRoomRelay>(relay), 1, TimeSpan.FromMinutes(1)));
        await shop.Room.StartFlashSale(shop.Streamer, new FlashSaleRequest(shop.ProductId, 2, 5, 10, null));
        var inProgress = await Assert.ThrowsAsync<BroadcartException>(() =>
            shop.Room.StartFlashSale(shop.Streamer, new FlashSaleRequest(shop.ProductId, 1, 1, 10, null)));
        Assert.Equal(CommerceErrors.SaleInProgress, inProgress.Code);

        await Order(shop, Shop.Buyer("a"), "k", quantity: 2);
        await relay.WaitUntil(events => events.OfType<FlashSaleChanged>().Any(f => f.Sale.Phase == FlashSalePhase.SoldOut));
        var soldOut = await Assert.ThrowsAsync<BroadcartException>(() => Order(shop, Shop.Buyer("b"), "k"));
        Assert.Equal(CommerceErrors.SoldOut, soldOut.Code);

        // The order expires after 2 s while the sale still runs (10 s): the units go back to the sale,
        // and when the sale ends they return to inventory.
        await relay.WaitUntil(events => events.OfType<FlashSaleChanged>().Any(f => f.Sale.Phase == FlashSalePhase.Ended), TimeSpan.FromSeconds(90));

        // The room hears of the end when it is durable; the units go back to inventory right after.
        var stock = await Eventually.Until(
            () => Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock(), s => s.Available == 10, "the sale's units back in inventory");
        Assert.Equal(10, stock.Available);
        Assert.Equal(0, stock.AllocatedToSales);
    }

    [Fact]
    public async Task A_payment_is_applied_once_and_a_second_payment_is_refused()
    {
        var shop = await Shop.OpenAsync(Grains, stock: 5);
        var placed = await Order(shop, Shop.Buyer("payer"), "k", quantity: 2);
        var order = Grains.GetGrain<IOrderGrain>(placed.Order.OrderId);

        var failed = await order.ApplyPayment(new PaymentNotice("pay-0", Succeeded: false));
        Assert.Equal(OrderStatus.Reserved, failed.Status);
        var paid = await order.ApplyPayment(new PaymentNotice("pay-1", Succeeded: true));
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(paid, await order.ApplyPayment(new PaymentNotice("pay-1", Succeeded: true)));
        var twice = await Assert.ThrowsAsync<BroadcartException>(() => order.ApplyPayment(new PaymentNotice("pay-2", Succeeded: true)));
        Assert.Equal(CommerceErrors.AlreadyPaid, twice.Code);

        var stock = await Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock();
        Assert.Equal(2, stock.Sold);
        Assert.Equal(3, stock.Available);
    }
}

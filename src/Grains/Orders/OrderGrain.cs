using Broadcart.Grains.Attribution;
using Broadcart.Grains.Auctions;
using Broadcart.Grains.Common;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Earnings;
using Broadcart.Grains.Deals;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Commerce;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Orders;

/// <summary>
/// One order. Its key derives from buyer and idempotency key, so a retry arrives here and gets
/// the first answer. An order from inventory is acknowledged only after the reservation and the
/// order itself are durable, and a reminder expires it if unpaid. An order a flash sale sold lives
/// in the sale's log: with no state of its own, this grain reads its record from the sale; it
/// writes its own state when something happens to it (payment, expiry) or when the sale hands it
/// off after the rush, and the sale's sweep expires it.
/// </summary>
// An order is busy for minutes (reserve, pay) and then read rarely: collected after two idle
// minutes rather than Orleans' default, so a long sale does not keep every order it sold in memory
// (bench soak: activations grew by one per order).
[CollectionAgeLimit(Minutes = 2)]
public sealed class OrderGrain(
    [PersistentState("order", StorageNames.Default)] IPersistentState<OrderState> state,
    IOptions<OrderOptions> options,
    TimeProvider time) : Grain, IOrderGrain, IRemindable
{
    private const string ExpiryReminder = "expire";

    private OrderState Order => state.State;
    private string OrderId => this.GetPrimaryKeyString();
    private DateTimeOffset Now => time.GetUtcNow();

    private IUnitHolder UnitHolder => Order.SaleKey is { } sale
        ? GrainFactory.GetGrain<IFlashSaleGrain>(sale)
        : Order.AuctionKey is { } auction
            ? GrainFactory.GetGrain<IAuctionGrain>(auction)
            : GrainFactory.GetGrain<IInventoryGrain>(Order.ProductId);

    public async Task<PlaceOrderResult> Place(PlaceOrder command)
    {
        if (await LoadAsync())
        {
            EnsureSameOrder(command);
            return new PlaceOrderResult(View(), Created: false);
        }

        var max = options.Value.MaxQuantity;
        if (command.Quantity < 1 || command.Quantity > max)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"quantity must be between 1 and {max}");
        }

        var context = await GrainFactory.GetGrain<ILiveRoomGrain>(command.RoomId).GetCommerce(command.ProductId, command.Buyer.Region);
        if (context.Status == RoomStatus.Scheduled)
        {
            throw new BroadcartException(ErrorCodes.RoomNotLive, "orders are taken once the room is live, and from its replay after it ended");
        }

        // An ended room sells its showcase from the replay, at the regular price: no sale runs any more.
        var source = context.Status == RoomStatus.Ended ? OrderSources.Replay : OrderSources.Live;
        if (source == OrderSources.Replay)
        {
            context = context with { OpenSale = null };
        }

        var product = context.Product
            ?? throw new BroadcartException(ErrorCodes.NotFound, $"product {command.ProductId} is not offered in this room");
        if (context.OpenSale is { } sale && !context.RegionExcluded)
        {
            // A node that did not know of the sale yet: the sale is the system of record for its orders.
            var placed = await GrainFactory.GetGrain<IFlashSaleGrain>(sale.Key).Place(new SalePurchase(
                OrderId, command.RoomId, command.ProductId, command.Quantity, command.IdempotencyKey, command.Buyer));
            if (placed.Result is { } result)
            {
                return result;
            }

            // It ended in between: an order from inventory at the list price.
            context = context with { OpenSale = null };
        }

        var offer = RegionalProduct.For(product, command.Buyer.Region, context.OpenSale?.Price);
        if (!offer.Available || offer.Price is null || context.RegionExcluded)
        {
            throw new BroadcartException(CommerceErrors.NotAvailableInRegion, context.RegionExcluded
                ? $"this stream does not sell to {command.Buyer.Region}"
                : $"this product is not sold or shipped to {command.Buyer.Region}");
        }

        var total = offer.Price.Times(command.Quantity);
        var expiresAt = Now + options.Value.ReservationTtl;
        Order.ProductId = command.ProductId;
        await GrainFactory.GetGrain<IInventoryGrain>(Order.ProductId).Reserve(new ReserveRequest(OrderId, command.Buyer.UserId, command.Quantity, expiresAt));
        try
        {
            // Before the order is written: an order that exists always has its expiry registered.
            await this.RegisterOrUpdateReminder(ExpiryReminder, options.Value.ReservationTtl, TimeSpan.FromMinutes(1));
        }
        catch
        {
            await UnitHolder.Release(OrderId);
            throw;
        }

        Order.Exists = true;
        Order.Status = OrderStatus.Reserved;
        Order.BuyerId = command.Buyer.UserId;
        Order.MerchantId = product.MerchantId;
        Order.RoomId = command.RoomId;
        Order.Quantity = command.Quantity;
        Order.Region = command.Buyer.Region;
        Order.UnitPrice = offer.Price;
        Order.Total = total;
        Order.CreatedAt = Now;
        Order.ExpiresAt = expiresAt;
        Order.IdempotencyKey = command.IdempotencyKey;
        Order.Source = source;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            var attemptedAt = Order.CreatedAt;
            if (await WrittenAnywayAsync(command))
            {
                // The write landed: a timed-out attempt that storage applied, or an earlier
                // activation of this order (on a silo that died) whose write arrived after this one
                // read. Either way the order exists and holds the units it reserved.
                if (Order.CreatedAt == attemptedAt)
                {
                    AnnouncePurchase(command.Buyer.Name);
                }

                return new PlaceOrderResult(View(), Created: true);
            }

            // Not recorded, so not kept: give the units back (the holder's sweep would too).
            var holder = UnitHolder;
            state.State = new OrderState();
            await holder.Release(OrderId);
            throw;
        }

        AnnouncePurchase(command.Buyer.Name);
        return new PlaceOrderResult(View(), Created: true);
    }

    /// <summary>
    /// The winner's order, from the auction that closed: reserved at the winning price against the
    /// unit the auction holds, with its own expiry reminder like an order from inventory. The
    /// auction retries until this answers, so a second call returns the order as it is.
    /// </summary>
    public async Task<OrderView> PlaceFromAuction(AuctionOrderRecord record)
    {
        if (Order.Exists)
        {
            return View();
        }

        // Before the order is written: an order that exists always has its expiry registered.
        var due = record.ExpiresAt - Now;
        await this.RegisterOrUpdateReminder(ExpiryReminder, due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Order.Exists = true;
        Order.Status = OrderStatus.Reserved;
        Order.BuyerId = record.Buyer.UserId;
        Order.MerchantId = record.MerchantId;
        Order.RoomId = record.RoomId;
        Order.ProductId = record.ProductId;
        Order.AuctionKey = record.AuctionKey;
        Order.AuctionId = record.AuctionId;
        Order.Quantity = 1;
        Order.Region = record.Buyer.Region;
        Order.UnitPrice = record.Price;
        Order.Total = record.Price;
        Order.CreatedAt = record.CreatedAt;
        Order.ExpiresAt = record.ExpiresAt;
        Order.IdempotencyKey = record.IdempotencyKey;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Ambiguous: the auction asks again, and a fresh activation reads whether it landed.
            state.State = new OrderState();
            DeactivateOnIdle();
            throw;
        }

        AnnouncePurchase(record.Buyer.Name);
        return View();
    }

    private void AnnouncePurchase(string buyerName) =>
        _ = GrainFactory.GetGrain<ILiveRoomGrain>(Order.RoomId).RecordPurchase(
            new PurchaseNotice(OrderId, Order.ProductId, Order.Quantity, buyerName, Order.Region, Order.Total));

    /// <summary>
    /// After a failed write, storage is asked what it holds: releasing units on an ambiguous
    /// failure would free units an acknowledged order still owns. When storage cannot answer
    /// either, the failure propagates and the reservation stays: a retry finds it, and otherwise
    /// the holder's sweep asks this order once it has expired.
    /// </summary>
    private async Task<bool> WrittenAnywayAsync(PlaceOrder command)
    {
        var attempted = Order;
        try
        {
            await state.ReadStateAsync();
        }
        catch
        {
            // Nothing is known: forget the attempt, and let a fresh activation read the truth.
            state.State = new OrderState();
            DeactivateOnIdle();
            throw;
        }

        if (!Order.Exists)
        {
            state.State = attempted;
            return false;
        }

        EnsureSameOrder(command);
        return true;
    }

    /// <summary>A replay with the order's key must ask for the order it names, not another one.</summary>
    private void EnsureSameOrder(PlaceOrder command)
    {
        if (Order.RoomId != command.RoomId || Order.ProductId != command.ProductId || Order.Quantity != command.Quantity)
        {
            throw new BroadcartException(CommerceErrors.IdempotencyMismatch, "this idempotency key was already used for a different order");
        }
    }

    public async Task<OrderView> Get() => await LoadAsync()
        ? View()
        : throw new BroadcartException(ErrorCodes.NotFound, $"order {OrderId} does not exist");

    public async Task<OrderView?> Find() => await LoadAsync() ? View() : null;

    public async Task Adopt(SaleOrderRecord record)
    {
        if (state.RecordExists)
        {
            return;
        }

        if (!Order.Exists)
        {
            FromRecord(record);
        }

        await state.WriteStateAsync();
    }

    /// <summary>
    /// The order as storage holds it, or else as the flash sale that sold it holds it. Never
    /// remembered as missing: a sale may sell this order a moment after a lookup found nothing.
    /// </summary>
    private async Task<bool> LoadAsync()
    {
        if (Order.Exists)
        {
            return true;
        }

        var sales = await GrainFactory.GetGrain<ISaleDirectoryGrain>(ISaleDirectoryGrain.Key).Sales();
        if (sales.IsEmpty)
        {
            return false;
        }

        var found = await Task.WhenAll(sales.Select(key => GrainFactory.GetGrain<IFlashSaleGrain>(key).Find(OrderId)));
        if (found.FirstOrDefault(r => r is not null) is not { } record)
        {
            return false;
        }

        FromRecord(record);
        return true;
    }

    private void FromRecord(SaleOrderRecord record)
    {
        Order.Exists = true;
        Order.Status = OrderStatus.Reserved;
        Order.BuyerId = record.BuyerId;
        Order.MerchantId = record.MerchantId;
        Order.RoomId = record.RoomId;
        Order.ProductId = record.ProductId;
        Order.SaleKey = record.SaleKey;
        Order.SaleId = record.SaleId;
        Order.Quantity = record.Quantity;
        Order.Region = record.Region;
        Order.UnitPrice = record.UnitPrice;
        Order.Total = record.Total;
        Order.CreatedAt = record.CreatedAt;
        Order.ExpiresAt = record.ExpiresAt;
        Order.IdempotencyKey = record.IdempotencyKey;
        Order.ExpiredBySale = true;
    }

    public async Task<OrderView> ApplyPayment(PaymentNotice notice)
    {
        if (!await LoadAsync())
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"order {OrderId} does not exist");
        }

        if (notice.Refunded)
        {
            return await RefundAsync(notice.PaymentId);
        }

        if (Order.PaymentId == notice.PaymentId || Order.FailedPaymentIds.Contains(notice.PaymentId))
        {
            // A replay changes nothing; finishing a confirmation a crash interrupted is not a change.
            if (Order.Status == OrderStatus.Paid)
            {
                await UnitHolder.Confirm(OrderId);
                await RecordAttributionAsync();
                await SettleCommissionAsync();
            }

            return View();
        }

        if (!notice.Succeeded)
        {
            // A failed attempt keeps the reservation: the buyer may pay again until it expires.
            Order.FailedPaymentIds.Add(notice.PaymentId);
            await state.WriteStateAsync();
            return View();
        }

        if (Order.Status == OrderStatus.Paid)
        {
            throw new BroadcartException(CommerceErrors.AlreadyPaid, $"order {OrderId} was already paid by {Order.PaymentId}");
        }

        if (Order.Status == OrderStatus.Reserved)
        {
            // Decided before the payment is written and written with it, so a retry after a crash
            // counts the order for the same room, not for one the buyer touched in between.
            var attribution = await GrainFactory.GetGrain<IUserTouchpointsGrain>(Order.BuyerId).Attribute();
            Order.PaymentId = notice.PaymentId;
            Order.Status = OrderStatus.Paid;
            Order.PaidAt = Now;
            Order.Attribution = attribution;
            Order.AttributionDecided = true;
            await state.WriteStateAsync();
            await UnitHolder.Confirm(OrderId);
            await ForgetReminderAsync();
            await RecordAttributionAsync();
            await SettleCommissionAsync();
        }
        else
        {
            // Money arrived for an order whose units are gone: it must be refunded, not fulfilled
            // (and is attributed to no room).
            Order.PaymentId = notice.PaymentId;
            Order.RefundDue = true;
            await state.WriteStateAsync();
        }

        return View();
    }

    /// <summary>
    /// A refund of the payment that paid the order: refunded once, its units back in stock where
    /// the product allows it. The same refund again only finishes a restock a crash interrupted.
    /// </summary>
    private async Task<OrderView> RefundAsync(string paymentId)
    {
        if (Order.Status == OrderStatus.Refunded && Order.PaymentId == paymentId)
        {
            await RestockIfPendingAsync();
            await ReverseCommissionAsync();
            await ReverseAttributionAsync();
            return View();
        }

        if (Order.Status != OrderStatus.Paid || Order.PaymentId != paymentId)
        {
            throw new BroadcartException(CommerceErrors.NotPaid, $"order {OrderId} has no payment {paymentId} to refund");
        }

        var product = await GrainFactory.GetGrain<IProductGrain>(Order.ProductId).Get();
        Order.Status = OrderStatus.Refunded;
        Order.RefundedAt = Now;
        Order.RestockPending = product.RestockOnRefund;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            Order.Status = OrderStatus.Paid;
            Order.RefundedAt = null;
            Order.RestockPending = false;
            throw;
        }

        await RestockIfPendingAsync();
        await ReverseCommissionAsync();
        await ReverseAttributionAsync();
        return View();
    }

    /// <summary>
    /// Counts the paid order for the room it was attributed to (maybe not the room it was placed
    /// in). The room's metrics take an order id once, so a retry after a crash between their write
    /// and this order's cannot count it twice.
    /// </summary>
    private async Task RecordAttributionAsync()
    {
        if (Order.AttributionRecorded || !Order.AttributionDecided || AttributedOrder() is not { } attributed)
        {
            return;
        }

        await GrainFactory.GetGrain<IRoomMetricsGrain>(Order.Attribution!.RoomId).RecordAttribution(attributed);
        Order.AttributionRecorded = true;
        await state.WriteStateAsync();
    }

    /// <summary>A refund takes the order out of the attributed room's figures (once: the metrics know it was taken out).</summary>
    private async Task ReverseAttributionAsync()
    {
        if (Order.AttributionRecorded && AttributedOrder() is { } attributed)
        {
            await GrainFactory.GetGrain<IRoomMetricsGrain>(Order.Attribution!.RoomId).ReverseAttribution(attributed);
        }
    }

    private AttributedOrder? AttributedOrder() => Order.Attribution is { } a
        ? new AttributedOrder(OrderId, a.Window, Order.Region, Order.Total, a.At)
        : null;

    /// <summary>
    /// The commission a paid order earns the creator whose room sold it, under the deal they
    /// accepted for the product: floor(total x bps / 10,000). The ledger takes an order once, so
    /// settling again after a crash (the provider retries its webhook) cannot earn twice.
    /// </summary>
    private async Task SettleCommissionAsync()
    {
        if (Order.CommissionSettled)
        {
            return;
        }

        var room = await GrainFactory.GetGrain<ILiveRoomGrain>(Order.RoomId).GetSnapshot();
        if (await GrainFactory.GetGrain<IDealBookGrain>(IDealBookGrain.Key).AcceptedDeal(Order.ProductId, room.StreamerId) is { } deal)
        {
            var amount = Commission.Of(Order.Total, deal.CommissionBps);
            await GrainFactory.GetGrain<ICreatorLedgerGrain>(room.StreamerId)
                .Accrue(new CommissionAccrual(OrderId, deal.DealId, amount, Order.PaidAt ?? Now));
            // The deal's merchant is the product's, which is the order's: the refund reverses under the same key.
            await GrainFactory.GetGrain<IMerchantCommissionGrain>(Order.MerchantId).Record(OrderId, deal.DealId, amount);
            Order.CommissionCreatorId = room.StreamerId;
        }

        Order.CommissionSettled = true;
        await state.WriteStateAsync();
    }

    private async Task ReverseCommissionAsync()
    {
        if (Order.CommissionCreatorId is { } creatorId)
        {
            await GrainFactory.GetGrain<ICreatorLedgerGrain>(creatorId).Reverse(OrderId);
            await GrainFactory.GetGrain<IMerchantCommissionGrain>(Order.MerchantId).Reverse(OrderId);
        }
    }

    private async Task RestockIfPendingAsync()
    {
        if (Order.RestockPending)
        {
            await GrainFactory.GetGrain<IInventoryGrain>(Order.ProductId).Restock(OrderId, Order.Quantity);
            Order.RestockPending = false;
            await state.WriteStateAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ExpireIfDue();

    public async Task ExpireIfDue()
    {
        if (!await LoadAsync() || Order.Status != OrderStatus.Reserved)
        {
            await ForgetReminderAsync();
            return;
        }

        if (Now < Order.ExpiresAt)
        {
            return;
        }

        Order.Status = OrderStatus.Expired;
        await state.WriteStateAsync();
        await UnitHolder.Release(OrderId);
        await ForgetReminderAsync();
    }

    private async Task ForgetReminderAsync()
    {
        // A sale's orders never had a reminder of their own: the sale's sweep expires them.
        if (!Order.ExpiredBySale && await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private OrderView View() => new(
        OrderId, Order.Status, Order.BuyerId, Order.MerchantId, Order.RoomId, Order.ProductId, Order.Quantity, Order.Region,
        Order.UnitPrice, Order.Total, Order.CreatedAt, Order.ExpiresAt, Order.PaidAt, Order.PaymentId, Order.SaleId, Order.RefundDue,
        Order.Source ?? OrderSources.Live);
}

using Broadcart.Grains.Archive;
using Broadcart.Grains.Common;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Products;
using Broadcart.Grains.Sales;

namespace Broadcart.Grains.Rooms;

/// <summary>The room's selling: showcase, pin, flash sales, and what orders need to know.</summary>
public sealed partial class LiveRoomGrain
{
    public async Task<RoomSnapshot> AddToShowcase(Actor actor, string productId)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        if (Room.Showcase.All(p => p.Id != productId))
        {
            if (Room.Showcase.Count >= _options.MaxShowcase)
            {
                throw new BroadcartException(ErrorCodes.ValidationFailed, $"a showcase holds at most {_options.MaxShowcase} products");
            }

            var product = await GrainFactory.GetGrain<IProductGrain>(productId).Get();
            Room.Showcase.Add(product);
            await WriteAsync();
            Enqueue(new ShowcaseChanged([.. Room.Showcase]));
        }

        return Snapshot();
    }

    public async Task<RoomSnapshot> Pin(Actor actor, string productId)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        var product = Room.Showcase.FirstOrDefault(p => p.Id == productId)
            ?? throw new BroadcartException(ErrorCodes.ValidationFailed, $"product {productId} is not in the room's showcase; add it first");
        Room.PinnedProductId = productId;
        await WriteAsync();
        var snapshot = Snapshot();
        Enqueue(new ProductPinned(product, snapshot.SalePriceFor(productId)));
        return snapshot;
    }

    public async Task<FlashSaleView> StartFlashSale(Actor actor, FlashSaleRequest request)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        Room.EnsureLive();
        if (Room.CurrentSale is { IsOpen: true } open && open.EndsAt > Now)
        {
            throw new BroadcartException(CommerceErrors.SaleInProgress, $"flash sale {open.SaleId} is still running");
        }

        if (Room.Showcase.All(p => p.Id != request.ProductId))
        {
            Room.Showcase.Add(await GrainFactory.GetGrain<IProductGrain>(request.ProductId).Get());
            Enqueue(new ShowcaseChanged([.. Room.Showcase]));
        }

        var saleId = "s" + Guid.CreateVersion7().ToString("N")[..16];
        var sale = await GrainFactory.GetGrain<IFlashSaleGrain>(FlashSaleKeys.Key(RoomId, saleId)).Start(new StartFlashSale(
            RoomId, saleId, request.ProductId, request.Quantity, request.PerUserLimit, request.DurationSeconds, request.Price));
        Room.CurrentSale = sale;
        await WriteAsync();
        Enqueue(new FlashSaleUpdated(sale));
        RepinIfSaleProduct(sale);
        return sale;
    }

    public Task<CommerceContext> GetCommerce(string productId, string region)
    {
        Room.EnsureExists(RoomId);
        var product = Room.Showcase.FirstOrDefault(p => p.Id == productId);
        var sale = Room.CurrentSale is { IsOpen: true } open && open.ProductId == productId && open.EndsAt > Now ? open : null;
        return Task.FromResult(new CommerceContext(Room.Status, product, sale, Room.Reach?.Excludes(region) ?? false));
    }

    public Task RecordPurchase(PurchaseNotice notice)
    {
        // The ticker is a mood, not a ledger: beyond a few per flush the rest are left out.
        if (_purchasesThisFlush++ < _options.MaxPurchasesPerFlush)
        {
            Enqueue(new Purchased(notice.ProductId, notice.Quantity, BuyerNames.Mask(notice.BuyerName)));
        }

        RecordMetrics([new MetricsDelta(notice.Region, Orders: 1, Units: notice.Quantity, Revenue: notice.Total)]);
        Archive(new ArchivedEvent(ArchivedEvent.Purchase, Now, ProductId: notice.ProductId, Quantity: notice.Quantity,
            Detail: $"{notice.OrderId} {notice.Region} {notice.Total.AmountMinor} {notice.Total.Currency}"));
        return Task.CompletedTask;
    }

    public async Task FlashSaleChanged(FlashSaleView sale)
    {
        // One-way news can arrive out of order, and a reactivated sale counts its writes anew: order by its durable version.
        if (Room.CurrentSale?.SaleId != sale.SaleId || Room.CurrentSale.Version > sale.Version)
        {
            return;
        }

        var phaseChanged = Room.CurrentSale.State != sale.State;
        Room.CurrentSale = sale;
        if (phaseChanged)
        {
            await WriteAsync();
            Enqueue(new FlashSaleUpdated(sale));
            RepinIfSaleProduct(sale);
            Archive(new ArchivedEvent(ArchivedEvent.FlashSale, Now, ProductId: sale.ProductId, Quantity: sale.Remaining, Detail: $"{sale.SaleId} {sale.State}"));

            // Sold out and ended are never held back for coalescing.
            await FlushAsync(CancellationToken.None);
        }
        else
        {
            _stateDirty = true;
            _pendingStock = sale;
            Arm();
        }
    }

    private void RepinIfSaleProduct(FlashSaleView sale)
    {
        if (Room.PinnedProductId == sale.ProductId && Room.Showcase.FirstOrDefault(p => p.Id == sale.ProductId) is { } product)
        {
            Enqueue(new ProductPinned(product, sale.IsOpen ? sale.Price : null));
        }
    }
}

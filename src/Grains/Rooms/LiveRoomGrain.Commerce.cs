using System.Collections.Immutable;
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

        if (Room.Showcase.FirstOrDefault(p => p.Id == request.ProductId) is not { } product)
        {
            product = await GrainFactory.GetGrain<IProductGrain>(request.ProductId).Get();
            Room.Showcase.Add(product);
            Enqueue(new ShowcaseChanged([.. Room.Showcase]));
        }

        // The sale prices its orders itself: it takes the product as the room shows it.
        var saleId = "s" + Guid.CreateVersion7().ToString("N")[..16];
        var sale = await GrainFactory.GetGrain<IFlashSaleGrain>(FlashSaleKeys.Key(RoomId, saleId)).Start(new StartFlashSale(
            RoomId, saleId, request.ProductId, request.Quantity, request.PerUserLimit, request.DurationSeconds, request.Price, product));
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
        RecordPurchases([notice]);
        return Task.CompletedTask;
    }

    private void RecordPurchases(IReadOnlyList<PurchaseNotice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        foreach (var notice in notices)
        {
            // The ticker is a mood, not a ledger: beyond a few per flush the rest are left out.
            if (_purchasesThisFlush++ < _options.MaxPurchasesPerFlush)
            {
                Enqueue(new Purchased(notice.ProductId, notice.Quantity, BuyerNames.Mask(notice.BuyerName)));
            }

            Archive(new ArchivedEvent(ArchivedEvent.Purchase, Now, ProductId: notice.ProductId, Quantity: notice.Quantity,
                Detail: $"{notice.OrderId} {notice.Region} {notice.Total.AmountMinor} {notice.Total.Currency}"));
        }

        RecordMetrics([.. notices.Select(n => new MetricsDelta(n.Region, Orders: 1, Units: n.Quantity, Revenue: n.Total))]);
    }

    public async Task FlashSaleChanged(FlashSaleView sale, ImmutableArray<PurchaseNotice> purchases)
    {
        // Purchases count whatever the order of the news: each commit's arrive once.
        RecordPurchases(purchases.IsDefault ? [] : purchases);
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

using System.Collections.Immutable;
using Broadcart.Grains.Archive;
using Broadcart.Grains.Common;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Products;
using Broadcart.Grains.Commerce;

namespace Broadcart.Grains.Rooms;

/// <summary>The room's selling, sequenced: showcase, pin, flash sales, and what orders need to know.</summary>
public sealed partial class LiveRoomGrain
{
    public async Task<RoomSnapshot> AddToShowcase(Actor actor, string productId)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        if (!_showcase.Contains(productId))
        {
            _showcase.EnsureRoomFor(productId);
            _showcase.Add(await GrainFactory.GetGrain<IProductGrain>(productId).Get());
            await WriteAsync();
            Enqueue(new ShowcaseChanged(_showcase.Products));
            ArchiveShowcase();
        }

        return Snapshot();
    }

    public async Task<RoomSnapshot> Pin(Actor actor, string productId)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        var product = _showcase.Pin(productId);
        await WriteAsync();
        var snapshot = Snapshot();
        Enqueue(new ProductPinned(product, snapshot.SalePriceFor(productId)));
        _archive.Add(new ArchivedEvent(ArchivedEvent.Pin, Now, ProductId: productId, Text: product.Title));
        return snapshot;
    }

    public async Task<FlashSaleView> StartFlashSale(Actor actor, FlashSaleRequest request)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        Room.EnsureLive();
        _sale.EnsureNoneRunning(Now);

        // A sale of a product the room does not show yet puts it in the showcase.
        if (_showcase.Find(request.ProductId) is not { } product)
        {
            product = await GrainFactory.GetGrain<IProductGrain>(request.ProductId).Get();
            _showcase.Add(product);
            Enqueue(new ShowcaseChanged(_showcase.Products));
            ArchiveShowcase();
        }

        // The sale prices its orders itself: it takes the product as the room shows it.
        var saleId = "s" + Guid.CreateVersion7().ToString("N")[..16];
        var sale = await GrainFactory.GetGrain<IFlashSaleGrain>(FlashSaleKeys.Key(RoomId, saleId)).Start(new StartFlashSale(
            RoomId, saleId, request.ProductId, request.Quantity, request.PerUserLimit, request.DurationSeconds, request.Price, product));
        _sale.Replace(sale);
        await WriteAsync();
        Enqueue(new FlashSaleChanged(sale));
        RepinIfSaleProduct(sale);
        ArchiveSale(sale);
        return sale;
    }

    public Task<CommerceContext> GetCommerce(string productId, string region)
    {
        Room.EnsureExists(RoomId);
        return Task.FromResult(new CommerceContext(
            Room.Status, _showcase.Find(productId), _sale.OpenFor(productId, Now), Room.Reach?.Excludes(region) ?? false));
    }

    public Task RecordPurchase(PurchaseNotice notice)
    {
        RecordPurchases([notice]);
        return Task.CompletedTask;
    }

    public async Task OnFlashSaleChanged(FlashSaleView sale, ImmutableArray<PurchaseNotice> purchases)
    {
        // Purchases count whatever the order of the news: each commit's arrive once.
        RecordPurchases(purchases.IsDefault ? [] : purchases);
        switch (_sale.Apply(sale))
        {
            case SaleNews.Phase:
                await WriteAsync();
                Enqueue(new FlashSaleChanged(sale));
                RepinIfSaleProduct(sale);
                ArchiveSale(sale);

                // Sold out and ended are never held back for coalescing.
                await FlushAsync(CancellationToken.None);
                break;
            case SaleNews.Stock:
                _stateDirty = true;
                ArmFlush();
                break;
        }
    }

    private void RecordPurchases(IReadOnlyList<PurchaseNotice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        foreach (var notice in notices)
        {
            if (_ticker.Show(notice) is { } shown)
            {
                Enqueue(shown);
            }

            _archive.Add(new ArchivedEvent(ArchivedEvent.Purchase, Now, ProductId: notice.ProductId, Quantity: notice.Quantity, Name: BuyerNames.Mask(notice.BuyerName),
                Detail: $"{notice.OrderId} {notice.Region} {notice.Total.AmountMinor} {notice.Total.Currency}"));
        }

        RecordMetrics([.. notices.Select(n => new MetricsDelta(n.Region, Orders: 1, Units: n.Quantity, Revenue: n.Total))]);
    }

    private void ArchiveSale(FlashSaleView sale) =>
        _archive.Add(new ArchivedEvent(ArchivedEvent.FlashSale, Now, ProductId: sale.ProductId, Quantity: sale.Remaining, Detail: $"{sale.SaleId} {sale.Phase}"));

    private void ArchiveShowcase() =>
        _archive.Add(new ArchivedEvent(ArchivedEvent.Showcase, Now, Detail: string.Join(' ', _showcase.Products.Select(p => p.Id))));

    private void RepinIfSaleProduct(FlashSaleView sale)
    {
        if (_showcase.PinnedIf(sale.ProductId) is { } product)
        {
            Enqueue(new ProductPinned(product, sale.IsOpen ? sale.Price : null));
        }
    }
}

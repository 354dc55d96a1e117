using Broadcart.Grains.Common;
using Broadcart.Grains.Commerce;

namespace Broadcart.Grains.Rooms;

/// <summary>What a sale's news means for the room.</summary>
internal enum SaleNews
{
    /// <summary>Older than what the room knows, or about another sale.</summary>
    Stale,

    /// <summary>Only the stock moved: coalesced into the next stock update.</summary>
    Stock,

    /// <summary>Opened, sold out or ended: written and sent at once.</summary>
    Phase,
}

/// <summary>
/// The room's view of its current flash sale. It is the only writer of
/// <see cref="LiveRoomState.CurrentSale"/>; stock updates are held so that viewers see at most one
/// per <see cref="RoomOptions.StockInterval"/>, while a phase change is never held.
/// </summary>
internal sealed class RoomSaleView(LiveRoomState room, TimeSpan stockInterval)
{
    private FlashSaleView? _pendingStock;
    private DateTimeOffset _lastStockSent;

    public FlashSaleView? Current => room.CurrentSale;

    /// <summary>The open sale of the product, if one is running now.</summary>
    public FlashSaleView? OpenFor(string productId, DateTimeOffset now) =>
        room.CurrentSale is { IsOpen: true } open && open.ProductId == productId && open.EndsAt > now ? open : null;

    public void EnsureNoneRunning(DateTimeOffset now)
    {
        if (room.CurrentSale is { IsOpen: true } open && open.EndsAt > now)
        {
            throw new BroadcartException(CommerceErrors.SaleInProgress, $"flash sale {open.SaleId} is still running");
        }
    }

    /// <summary>A sale the room started, or the sale's own word after the room restarted.</summary>
    public void Replace(FlashSaleView sale)
    {
        room.CurrentSale = sale;
        _pendingStock = null;
    }

    /// <summary>
    /// One-way news can arrive out of order, and a reactivated sale counts its writes anew:
    /// news is ordered by the sale's durable version.
    /// </summary>
    public SaleNews Apply(FlashSaleView sale)
    {
        if (room.CurrentSale?.SaleId != sale.SaleId || room.CurrentSale.Version > sale.Version)
        {
            return SaleNews.Stale;
        }

        var phaseChanged = room.CurrentSale.Phase != sale.Phase;
        room.CurrentSale = sale;
        if (phaseChanged)
        {
            _pendingStock = null;
            return SaleNews.Phase;
        }

        _pendingStock = sale;
        return SaleNews.Stock;
    }

    /// <summary>The held stock update if it may go out now; otherwise how long it must still wait.</summary>
    public (StockChanged? Update, TimeSpan Wait) TakeStock(DateTimeOffset now)
    {
        if (_pendingStock is not { } stock)
        {
            return (null, TimeSpan.Zero);
        }

        var wait = _lastStockSent + stockInterval - now;
        if (wait > TimeSpan.Zero)
        {
            return (null, wait);
        }

        _pendingStock = null;
        _lastStockSent = now;
        return (new StockChanged(stock.ProductId, stock.Remaining), TimeSpan.Zero);
    }
}

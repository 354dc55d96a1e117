using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Commerce;

namespace Broadcart.Grains.Tests.Rooms;

public sealed class RoomSaleViewTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StockInterval = TimeSpan.FromMilliseconds(250);
    private readonly LiveRoomState _state = new();
    private readonly RoomSaleView _view;

    public RoomSaleViewTests() => _view = new RoomSaleView(_state, StockInterval);

    private static FlashSaleView Sale(int remaining, long version, FlashSalePhase phase = FlashSalePhase.Started, string saleId = "s1") =>
        new(saleId, "r1", "p1", phase, 100, remaining, 2, At.AddMinutes(5), new Money("USD", 999), version);

    [Fact]
    public void Stock_moves_are_held_to_one_update_per_interval_and_carry_the_latest_count()
    {
        _view.Replace(Sale(100, 1));
        Assert.Equal(SaleNews.Stock, _view.Apply(Sale(90, 2)));
        Assert.Equal((new StockChanged("p1", 90), TimeSpan.Zero), _view.TakeStock(At));

        Assert.Equal(SaleNews.Stock, _view.Apply(Sale(80, 3)));
        Assert.Equal(SaleNews.Stock, _view.Apply(Sale(70, 4)));
        Assert.Equal((null, TimeSpan.FromMilliseconds(150)), _view.TakeStock(At.AddMilliseconds(100)));
        Assert.Equal((new StockChanged("p1", 70), TimeSpan.Zero), _view.TakeStock(At.AddMilliseconds(250)));
        Assert.Equal((null, TimeSpan.Zero), _view.TakeStock(At.AddSeconds(1)));
    }

    [Fact]
    public void Older_news_and_news_of_another_sale_are_ignored()
    {
        _view.Replace(Sale(50, 5));

        Assert.Equal(SaleNews.Stale, _view.Apply(Sale(60, 4)));
        Assert.Equal(SaleNews.Stale, _view.Apply(Sale(10, 9, saleId: "other")));
        Assert.Equal(50, _state.CurrentSale!.Remaining);
    }

    [Fact]
    public void A_phase_change_is_not_held_and_drops_the_stock_update_it_supersedes()
    {
        _view.Replace(Sale(100, 1));
        _view.Apply(Sale(90, 2));
        _view.TakeStock(At);
        _view.Apply(Sale(5, 3));

        Assert.Equal(SaleNews.Phase, _view.Apply(Sale(0, 4, FlashSalePhase.SoldOut)));
        Assert.Equal((null, TimeSpan.Zero), _view.TakeStock(At.AddMilliseconds(10)));
        Assert.Equal(FlashSalePhase.SoldOut, _state.CurrentSale!.Phase);
    }

    [Fact]
    public void Only_a_running_sale_of_the_product_is_open_for_it_and_blocks_another()
    {
        _view.Replace(Sale(10, 1));

        Assert.NotNull(_view.OpenFor("p1", At));
        Assert.Null(_view.OpenFor("p2", At));
        Assert.Null(_view.OpenFor("p1", At.AddMinutes(6)));
        Assert.Equal(CommerceErrors.SaleInProgress, Assert.Throws<BroadcartException>(() => _view.EnsureNoneRunning(At)).Code);
        _view.EnsureNoneRunning(At.AddMinutes(6));
        _view.Replace(Sale(0, 2, FlashSalePhase.Ended));
        _view.EnsureNoneRunning(At);
    }
}

using Broadcart.Grains.Attribution;

namespace Broadcart.Grains.Tests.Measurement;

public sealed class LastTouchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AttributionOptions Windows = new();

    private static Dictionary<string, RoomTouchState> Touches(params (string Room, DateTimeOffset? Click, DateTimeOffset? View)[] touches) =>
        touches.ToDictionary(t => t.Room, t => new RoomTouchState { LastClick = t.Click, LastView = t.View });

    [Fact]
    public void A_click_earns_the_order_for_seven_days_a_view_alone_for_one()
    {
        var rooms = Touches(("r-clicked", T0, T0), ("r-viewed", null, T0));
        Assert.Equal(new AttributionDecision("r-clicked", AttributionWindow.ClickThrough, T0.AddHours(2)), LastTouch.Decide(rooms, T0.AddHours(2), Windows));
        Assert.Equal("r-clicked", LastTouch.Decide(rooms, T0.AddDays(6), Windows)!.RoomId);
        Assert.Equal("r-clicked", LastTouch.Decide(rooms, T0.AddDays(7), Windows)!.RoomId); // inclusive
        Assert.Null(LastTouch.Decide(rooms, T0.AddDays(7).AddTicks(1), Windows));

        var viewed = Touches(("r-viewed", null, T0));
        Assert.Equal(AttributionWindow.ViewThrough, LastTouch.Decide(viewed, T0.AddHours(23), Windows)!.Window);
        Assert.Null(LastTouch.Decide(viewed, T0.AddHours(30), Windows));
    }

    [Fact]
    public void A_click_anywhere_in_its_window_beats_a_later_view_and_the_latest_click_wins()
    {
        var rooms = Touches(("r-old-click", T0, null), ("r-new-view", null, T0.AddHours(5)), ("r-new-click", T0.AddHours(1), null));
        var decision = LastTouch.Decide(rooms, T0.AddHours(6), Windows)!;
        Assert.Equal(("r-new-click", AttributionWindow.ClickThrough), (decision.RoomId, decision.Window));
    }

    [Fact]
    public void Touches_after_the_payment_do_not_count_and_ties_go_to_the_smaller_room_id()
    {
        Assert.Null(LastTouch.Decide(Touches(("r-later", T0.AddMinutes(1), T0.AddMinutes(1))), T0, Windows));
        Assert.Equal("r-a", LastTouch.Decide(Touches(("r-b", T0, null), ("r-a", T0, null)), T0.AddHours(1), Windows)!.RoomId);
    }

    [Fact]
    public void Pruning_forgets_what_no_window_can_use_and_keeps_the_latest_rooms()
    {
        var rooms = Touches(("r-stale", T0, T0), ("r-view-gone", T0.AddDays(5), T0), ("r-fresh", null, T0.AddDays(7)));
        LastTouch.Prune(rooms, T0.AddDays(7).AddHours(1), Windows);
        Assert.Equal(["r-fresh", "r-view-gone"], rooms.Keys.Order());
        Assert.Null(rooms["r-view-gone"].LastView);
        Assert.NotNull(rooms["r-view-gone"].LastClick);
    }
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Reach;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Rooms;

/// <summary>The room's smallest parts: likes, the purchase ticker and which regions a reach change concerns.</summary>
public sealed class RoomPartsTests
{
    [Fact]
    public void Likes_add_up_and_the_total_is_published_once_per_change()
    {
        var state = new LiveRoomState { Likes = 10 };
        var likes = new RoomLikes(state);

        Assert.Null(likes.TakeChange());
        Assert.False(likes.Add(0));
        Assert.False(likes.Add(-5));
        Assert.True(likes.Add(3));
        Assert.True(likes.Add(2));
        Assert.Equal(new LikesChanged(15), likes.TakeChange());
        Assert.Null(likes.TakeChange());
        Assert.Equal(15, state.Likes);
    }

    [Fact]
    public void The_ticker_shows_a_few_purchases_per_flush_with_masked_names()
    {
        var ticker = new PurchaseTicker(maxPerFlush: 2);
        var notice = new PurchaseNotice("o1", "p1", 1, "Alexandra", "US", new Money("USD", 100));

        var shown = ticker.Show(notice);
        Assert.NotNull(shown);
        Assert.NotEqual("Alexandra", shown.MaskedBuyer);
        Assert.NotNull(ticker.Show(notice));
        Assert.Null(ticker.Show(notice));
        ticker.NextFlush();
        Assert.NotNull(ticker.Show(notice));
    }

    [Fact]
    public void A_reach_change_concerns_exactly_the_regions_whose_reach_differs()
    {
        var before = Reach(["US", "GB"], [], version: 1);
        var after = Reach(["US", "DE"], ["HK"], version: 2);

        Assert.Equal(["DE", "GB", "HK"], ReachChanges.Regions("HK", before, after).ToArray());
        Assert.Empty(ReachChanges.Regions("HK", before, before));
        Assert.Equal(["DE", "US"], ReachChanges.Visible("HK", after).Order(StringComparer.Ordinal));
        Assert.Equal(["HK"], ReachChanges.Visible("HK", null));
    }

    private static ReachView Reach(string[] regions, string[] excluded, long version) =>
        new("r1", [.. regions], [.. excluded], new Money("USD", 10_000), new Money("USD", 500), 0, 0, ReachPhase.Active, version);
}

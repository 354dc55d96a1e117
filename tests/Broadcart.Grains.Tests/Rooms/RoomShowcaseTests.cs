using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Rooms;

public sealed class RoomShowcaseTests
{
    private readonly LiveRoomState _state = new();

    private static ProductSnapshot Product(string id) =>
        new(id, "m1", $"Product {id}", "", null, [new RegionPrice("US", "USD", 100)], ["US"], DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_product_is_shown_once_and_a_full_showcase_refuses_a_new_one()
    {
        var showcase = new RoomShowcase(_state, max: 2);

        Assert.True(showcase.Add(Product("a")));
        Assert.False(showcase.Add(Product("a")));
        Assert.True(showcase.Add(Product("b")));
        showcase.EnsureRoomFor("a");
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => showcase.EnsureRoomFor("c")).Code);
        Assert.Equal(["a", "b"], showcase.Products.Select(p => p.Id));
    }

    [Fact]
    public void Only_a_shown_product_can_be_pinned_and_only_its_own_sale_repins_it()
    {
        var showcase = new RoomShowcase(_state, max: 5);
        showcase.Add(Product("a"));

        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => showcase.Pin("zzz")).Code);
        Assert.Null(_state.PinnedProductId);
        Assert.Equal("a", showcase.Pin("a").Id);
        Assert.Equal("a", _state.PinnedProductId);
        Assert.NotNull(showcase.PinnedIf("a"));
        Assert.Null(showcase.PinnedIf("b"));
        Assert.IsType<ImmutableArray<ProductSnapshot>>(showcase.Products);
    }
}

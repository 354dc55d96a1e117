using Broadcart.Grains.Common;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Rooms;

/// <summary>
/// The <c>geo</c> event and the join result's <c>geo</c>: whether the room reaches the viewer's
/// region, whether they can buy the pinned product there and at what price, and why.
/// </summary>
public sealed record GeoView(string RoomId, string Region, bool Visible, bool Purchasable, Money? Price, string Reason)
{
    public static GeoView For(RoomSnapshot room, string region)
    {
        var reach = room.ReachIn(region);
        var pinned = room.Pinned is { } product ? RegionalProduct.For(product, region, room.SalePriceFor(product.Id)) : null;
        var purchasable = reach.Reason != Grains.Reach.RegionReach.Excluded && (pinned?.Available ?? true);
        return new GeoView(room.RoomId, region, reach.Visible, purchasable, pinned?.Price, reach.Reason);
    }
}

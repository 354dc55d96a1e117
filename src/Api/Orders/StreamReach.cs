using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Orders;

/// <summary>The merchant's reach decides where the stream sells: a sale's purchases and an auction's bids alike.</summary>
internal static class StreamReach
{
    public static void EnsureSellsTo(this RoomSnapshot room, string region)
    {
        if (room.Reach?.Excludes(region) == true)
        {
            throw new BroadcartException(CommerceErrors.NotAvailableInRegion, $"this stream does not sell to {region}");
        }
    }
}

using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Rooms;

/// <summary>Who may see what a room earns and spends: its streamer, its merchant, admins.</summary>
public static class RoomEarningsAccess
{
    public static async Task<RoomSnapshot> EnsureMaySeeAsync(IGrainFactory grains, string roomId, ClaimsPrincipal user)
    {
        var room = await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).GetSnapshot();
        var caller = user.UserId();
        if (caller != room.StreamerId && caller != room.MerchantId && !user.IsInRole(Roles.Admin))
        {
            throw new BroadcartException(ErrorCodes.Forbidden, "only the room's streamer or its merchant may see this");
        }

        return room;
    }
}

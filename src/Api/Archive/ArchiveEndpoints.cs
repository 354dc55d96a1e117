using System.Security.Claims;
using System.Text;
using Broadcart.Api.Identity;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Archive;
using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Archive;

public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rooms/{roomId}/chat/export", async (string roomId, ClaimsPrincipal user, IGrainFactory grains, IEventArchive archive, CancellationToken cancellationToken) =>
            {
                var room = await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).GetSnapshot();
                if (user.UserId() != room.StreamerId && !user.IsInRole(Roles.Moderator) && !user.IsInRole(Roles.Admin))
                {
                    throw new BroadcartException(ErrorCodes.Forbidden, "only the room's streamer or a moderator may export its chat");
                }

                var events = new List<ArchivedEvent>();
                await foreach (var e in archive.ReadAsync(roomId, cancellationToken))
                {
                    events.Add(e);
                }

                return Results.File(Encoding.UTF8.GetBytes(ChatCsv.Render(events)), "text/csv; charset=utf-8", $"{roomId}-chat.csv");
            })
            .RequireAuthorization()
            .WithTags("Archive")
            .WithSummary("The room's archived chat as CSV (streamer, moderator); needs Blob Storage");
        return app;
    }
}

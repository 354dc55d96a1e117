using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Archive;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Replay;

public static class ReplayEndpoints
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapReplay(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rooms/{roomId}/replay", async (string roomId, string? after, int? limit, ClaimsPrincipal user, IGrainFactory grains, IEventArchive archive, CancellationToken cancellationToken) =>
            {
                var take = limit ?? MaxLimit;
                if (take is < 1 or > MaxLimit)
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, $"limit must be between 1 and {MaxLimit}");
                }

                var from = 0;
                if (after is not null && (!int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from < 0))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "after must be the next cursor of an earlier page");
                }

                var room = await grains.GetGrain<ILiveRoomGrain>(RoomIds.Validate(roomId)).GetSnapshot();
                if (room.Status != RoomStatus.Ended)
                {
                    throw new BroadcartException(ErrorCodes.RoomNotEnded, "the replay is served once the room has ended");
                }

                var archived = new List<ArchivedEvent>();
                await foreach (var e in archive.ReadAsync(roomId, cancellationToken))
                {
                    archived.Add(e);
                }

                var timeline = ReplayTimeline.Build(roomId, archived);
                if (from > timeline.Count)
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "after is past the end of this replay");
                }

                if (after is null)
                {
                    // Watching the replay is a view of the room: an order later can be attributed to it.
                    _ = grains.GetGrain<IUserTouchpointsGrain>(user.UserId()).Viewed(ImmutableArray.Create(roomId));
                }

                var page = timeline.Skip(from).Take(take).ToList();
                var next = from + page.Count < timeline.Count ? (from + page.Count).ToString(CultureInfo.InvariantCulture) : null;
                return Results.Ok(new ReplayPage(page, next));
            })
            .RequireAuthorization()
            .WithTags("Replay")
            .WithSummary("An ended room's recorded show in order (chat, pins, showcase, flash sales, purchases), in pages of at most 500");
        return app;
    }
}

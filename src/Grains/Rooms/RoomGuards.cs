using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

/// <summary>Who may do what in a room; every check throws a coded refusal.</summary>
internal static class RoomGuards
{
    public static bool IsOwner(this LiveRoomState room, Actor actor) =>
        actor.IsAdmin || string.Equals(room.StreamerId, actor.UserId, StringComparison.Ordinal);

    public static bool CanModerate(this LiveRoomState room, Actor actor) =>
        actor.IsModerator || room.IsOwner(actor) || room.Moderators.Contains(actor.UserId, StringComparer.Ordinal);

    public static void EnsureExists(this LiveRoomState room, string roomId)
    {
        if (!room.Exists)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"room {roomId} does not exist");
        }
    }

    public static void EnsureOwner(this LiveRoomState room, Actor actor)
    {
        if (!room.IsOwner(actor))
        {
            throw new BroadcartException(ErrorCodes.Forbidden, "only the room's streamer may do this");
        }
    }

    public static void EnsureModerator(this LiveRoomState room, Actor actor)
    {
        if (!room.CanModerate(actor))
        {
            throw new BroadcartException(ErrorCodes.Forbidden, "only the room's streamer or a moderator may do this");
        }
    }

    public static void EnsureLive(this LiveRoomState room)
    {
        if (room.Status != RoomStatus.Live)
        {
            throw new BroadcartException(ErrorCodes.RoomNotLive,
                room.Status == RoomStatus.Ended ? "the room has ended" : "the room is not live yet");
        }
    }

    public static void ValidateNew(CreateRoom command)
    {
        var title = command.Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > InputLimits.RoomTitle || title.Any(char.IsControl))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"title must be 1 to {InputLimits.RoomTitle} characters without control characters");
        }

        if (command.Language is not { Length: >= 2 and <= InputLimits.Language } || !command.Language.All(c => char.IsAsciiLetter(c) || c == '-'))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "language must be a language tag such as 'en' or 'zh-HK'");
        }

        if (command.CoverUrl is not null && !(Uri.TryCreate(command.CoverUrl, UriKind.Absolute, out var cover) && cover.Scheme is "https" or "http"))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "coverUrl must be an absolute http(s) URL");
        }

        if (!Regions.IsValid(command.HomeRegion))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"homeRegion '{command.HomeRegion}' is not an ISO 3166-1 alpha-2 code");
        }
    }
}

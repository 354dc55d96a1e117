using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Rooms;

/// <summary>The answer to appointing or dismissing a room moderator: who moderates the room now.</summary>
public sealed record RoomModeratorsView(string RoomId, IReadOnlyList<string> Moderators)
{
    public static RoomModeratorsView From(RoomSnapshot room) => new(room.RoomId, room.Moderators);
}

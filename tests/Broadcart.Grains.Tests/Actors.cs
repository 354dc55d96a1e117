using Broadcart.Grains.Common;

namespace Broadcart.Grains.Tests;

internal static class Actors
{
    public static Actor Viewer(string id) => new(id, $"Viewer {id}", "US", IsModerator: false, IsAdmin: false);

    public static Actor Moderator(string id) => new(id, $"Mod {id}", "US", IsModerator: true, IsAdmin: false);

    public static string NewRoomId() => "t" + Guid.NewGuid().ToString("N")[..12];
}

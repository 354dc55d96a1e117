namespace Broadcart.Api.Relay;

/// <summary>Names of the node-local SignalR groups.</summary>
public static class RoomGroups
{
    public static string Room(string roomId) => $"room:{roomId}";

    public static string Region(string roomId, string region) => $"room:{roomId}:{region}";
}

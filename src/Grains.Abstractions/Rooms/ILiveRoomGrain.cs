using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

/// <summary>A live room, keyed by room id. Refusals are <see cref="BroadcartException"/>s.</summary>
[Alias("Broadcart.ILiveRoomGrain")]
public interface ILiveRoomGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<RoomSnapshot> Create(CreateRoom command);

    [Alias("GetSnapshot")]
    Task<RoomSnapshot> GetSnapshot();

    [Alias("Start")]
    Task<RoomSnapshot> Start(Actor actor);

    [Alias("End")]
    Task<RoomSnapshot> End(Actor actor);

    [Alias("SendChat")]
    Task<ChatAck> SendChat(Actor actor, string text);

    [Alias("DeleteChat")]
    Task DeleteChat(Actor actor, string messageId);

    /// <summary>Returns when the mute ends.</summary>
    [Alias("MuteUser")]
    Task<DateTimeOffset> MuteUser(Actor actor, string userId, int seconds);

    [Alias("SetSlowMode")]
    Task SetSlowMode(Actor actor, int seconds);

    /// <summary>Subscribes or renews a node; returns a sync when asked or when the node was unknown.</summary>
    [Alias("Report")]
    Task<RoomSync?> Report(NodeReport report);

    [Alias("Unsubscribe")]
    Task Unsubscribe(string nodeId);

    [Alias("GetDiagnostics")]
    Task<RoomDiagnostics> GetDiagnostics();
}

namespace Broadcart.Grains.Rooms;

/// <summary>A subscribed API node as the room sees it; lives in memory only, renewed by its reports.</summary>
internal sealed class SubscribedNode(IRoomRelay relay)
{
    public IRoomRelay Relay { get; set; } = relay;
    public int ViewerCount { get; set; }
    public TimeSpan HeartbeatInterval { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public IReadOnlyDictionary<string, int> ViewersByRegion { get; set; } = new Dictionary<string, int>();
    public System.Collections.Immutable.ImmutableArray<string> Languages { get; set; } = [];
}

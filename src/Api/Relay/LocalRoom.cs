namespace Broadcart.Api.Relay;

/// <summary>A room as one node sees it: how many local viewers, likes not yet reported, the replica.</summary>
public sealed class LocalRoom(string roomId)
{
    private int _viewers;
    private long _pendingLikes;

    public string RoomId { get; } = roomId;

    /// <summary>Serialises subscribing and unsubscribing this room from this node.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public RoomReplica Replica { get; } = new();

    public bool Subscribed { get; set; }

    /// <summary>Set once the room left the registry: a joiner holding this instance must start over.</summary>
    public bool Retired { get; set; }

    public int Viewers => Volatile.Read(ref _viewers);

    public int ReportedViewers { get; set; } = -1;

    public DateTimeOffset LastReportAt { get; set; }

    public void AddViewer() => Interlocked.Increment(ref _viewers);

    public void RemoveViewer() => Interlocked.Decrement(ref _viewers);

    public long PendingLikes => Interlocked.Read(ref _pendingLikes);

    public void AddLike() => Interlocked.Increment(ref _pendingLikes);

    public long TakeLikes() => Interlocked.Exchange(ref _pendingLikes, 0);

    public void ReturnLikes(long likes) => Interlocked.Add(ref _pendingLikes, likes);
}

using Broadcart.Api.Live;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// A room as one node sees it: its viewers here, the replica of its state, the one sender that
/// delivers its events to those viewers, and the counts not yet reported to it.
/// </summary>
public sealed class LocalRoom
{
    private readonly Lock _subscribeLock = new();
    private readonly Lock _deliverLock = new();
    private Task? _subscribed;
    private int _members;
    private readonly TaskCompletionSource _gone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _retired;

    public LocalRoom(string roomId, RelayOptions options, ILogger log)
    {
        RoomId = roomId;
        Sender = new RoomSender(this, options, log);
    }

    public string RoomId { get; }

    public RoomReplica Replica { get; } = new();

    public RoomAudience Audience { get; } = new();

    public RoomSender Sender { get; }

    public NodeCounters Counters { get; } = new();

    public JoinViews JoinViews { get; } = new();

    public int Viewers => Volatile.Read(ref _members);

    public bool IsSubscribed => _subscribed?.IsCompletedSuccessfully == true;

    public int ReportedViewers { get; set; } = -1;

    /// <summary>The chat languages last reported to the room; null before the first report.</summary>
    public IReadOnlyList<string>? ReportedLanguages { get; set; }

    public long LastReportAt { get; set; }

    /// <summary>
    /// Counts a viewer in without any room-wide lock; false when the room is being retired (the
    /// joiner starts over with a fresh instance).
    /// </summary>
    public bool TryEnter(LiveViewer viewer)
    {
        Interlocked.Increment(ref _members);
        if (_retired)
        {
            Interlocked.Decrement(ref _members);
            return false;
        }

        if (viewer.AddRoom(RoomId))
        {
            Audience.Add(viewer);
            Counters.CountJoin(viewer.Region, viewer.Actor.UserId);
        }
        else
        {
            Interlocked.Decrement(ref _members);
        }

        return true;
    }

    public void Leave(LiveViewer viewer)
    {
        if (viewer.RemoveRoom(RoomId))
        {
            Audience.Remove(viewer);
            Interlocked.Decrement(ref _members);
        }
    }

    /// <summary>Retires the room once it has no viewer left; a joiner racing with this either keeps it or starts over.</summary>
    public bool TryRetire()
    {
        if (Volatile.Read(ref _members) != 0)
        {
            return false;
        }

        _retired = true;
        if (Volatile.Read(ref _members) != 0)
        {
            _retired = false;
            return false;
        }

        return true;
    }

    /// <summary>Completes once a retired room has unsubscribed and left the registry: a joiner then starts over.</summary>
    public Task Gone => _gone.Task;

    public void MarkGone() => _gone.TrySetResult();

    /// <summary>The first subscription, shared by every joiner that arrives while it is in flight; a failed one is tried again by the next joiner.</summary>
    public Task EnsureSubscribedAsync(Func<Task> subscribe)
    {
        lock (_subscribeLock)
        {
            if (_subscribed is null || _subscribed.IsFaulted || _subscribed.IsCanceled)
            {
                _subscribed = subscribe();
            }

            return _subscribed;
        }
    }

    /// <summary>
    /// Batches this node received for the room, and the number of the last one its replica applied:
    /// fan-out costs the room one call per node per flush exactly when the two move together.
    /// </summary>
    public (long Received, long BatchSeq) DeliveryCounts()
    {
        lock (_deliverLock)
        {
            return (_batchesReceived, Replica.BatchSeq);
        }
    }

    private long _batchesReceived;

    /// <summary>A batch from the room: the replica takes it, and what the viewers here have not been sent goes to the sender, in order.</summary>
    public void Deliver(RoomEventBatch batch)
    {
        lock (_deliverLock)
        {
            _batchesReceived++;
            Sender.Post(Replica.Apply(batch).Events);
        }
    }

    /// <summary>A fresh sync: the replica takes it, and chat the room posted while it was not sending here goes to the sender.</summary>
    public IReadOnlyList<ChatMessage> Resync(RoomSync sync)
    {
        lock (_deliverLock)
        {
            var missed = Replica.ApplySync(sync);
            Sender.Post([.. missed.Select(m => (RoomEvent)new ChatPosted(m))]);
            return missed;
        }
    }
}

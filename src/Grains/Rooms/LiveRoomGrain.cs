using System.Collections.Immutable;
using Broadcart.Grains.Archive;
using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Sales;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// One live room. Events go to an outbox that is flushed to every subscribed node's relay as one
/// one-way batch; the grain never awaits a node or a viewer. Chat is written behind on the
/// maintenance tick; room metadata and moderation are written before they are acknowledged.
/// </summary>
public sealed partial class LiveRoomGrain : Grain, ILiveRoomGrain, IIncomingGrainCallFilter, IRemindable
{
    private readonly IPersistentState<LiveRoomState> _state;
    private readonly RoomOptions _options;
    private readonly FeedOptions _feeds;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveRoomGrain> _log;
    private readonly IEventArchive _archive;

    private readonly Dictionary<string, SubscribedNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastChatAt = new(StringComparer.Ordinal);
    private readonly List<RoomEvent> _outbox = [];
    private readonly Guid _epoch = Guid.NewGuid();

    private IGrainTimer? _flushTimer;
    private bool _flushArmed;
    private long _lastFlushAt;
    private long _batchSeq;
    private bool _likesChanged;
    private bool _viewersChanged;
    private int _lastViewersSent = -1;
    private bool _stateDirty;
    private FlashSaleView? _pendingStock;
    private DateTimeOffset _lastStockSent;
    private int _purchasesThisFlush;
    private Dictionary<string, int> _lastViewersByRegion = new(StringComparer.Ordinal);

    private long _callsReceived;
    private long _batchesFlushed;
    private long _stateWrites;

    public LiveRoomGrain(
        [PersistentState("room", StorageNames.Default)] IPersistentState<LiveRoomState> state,
        IOptions<RoomOptions> options,
        IOptions<FeedOptions> feeds,
        TimeProvider time,
        IEventArchive archive,
        ILogger<LiveRoomGrain> log)
    {
        _archive = archive;
        _state = state;
        _options = options.Value;
        _feeds = feeds.Value;
        _time = time;
        _log = log;
    }

    private LiveRoomState Room => _state.State;
    private string RoomId => this.GetPrimaryKeyString();
    private DateTimeOffset Now => _time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flushTimer = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        this.RegisterGrainTimer(MaintainAsync, new GrainTimerCreationOptions(_options.MaintenanceInterval, _options.MaintenanceInterval));

        if (Room.Exists)
        {
            if (!Room.CleanShutdown)
            {
                Room.ChatSeq += _options.SeqSkipAfterUncleanStop;
            }

            // Recorded now, so that a crash before the next write is seen as unclean.
            Room.CleanShutdown = false;

            // The sale's counts are written behind here but durable in the sale: after a crash, ask it.
            if (Room.CurrentSale is { IsOpen: true } sale)
            {
                Room.CurrentSale = await GrainFactory.GetGrain<IFlashSaleGrain>(sale.Key).Get();
            }

            await WriteAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await FlushArchiveAsync();
        if (Room.Exists)
        {
            Room.CleanShutdown = true;
            await WriteAsync();
        }
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(ILiveRoomGrain))
        {
            _callsReceived++;
        }

        return context.Invoke();
    }

    public async Task<RoomSnapshot> Create(CreateRoom command)
    {
        if (Room.Exists)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"room {RoomId} already exists");
        }

        RoomGuards.ValidateNew(command);
        Room.Exists = true;
        Room.Title = command.Title.Trim();
        Room.Language = command.Language;
        Room.HomeRegion = command.HomeRegion;
        Room.MerchantId = command.MerchantId;
        Room.CoverUrl = command.CoverUrl;
        Room.StreamerId = command.Streamer.UserId;
        Room.StreamerName = command.Streamer.Name;
        Room.Status = RoomStatus.Scheduled;
        Room.CreatedAt = Now;
        await WriteAsync();
        return Snapshot();
    }

    public Task<RoomSnapshot> GetSnapshot()
    {
        Room.EnsureExists(RoomId);
        return Task.FromResult(Snapshot());
    }

    public async Task<RoomSnapshot> Start(Actor actor)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        switch (Room.Status)
        {
            case RoomStatus.Live:
                return Snapshot();
            case RoomStatus.Ended:
                throw new BroadcartException(ErrorCodes.RoomEnded, "the room has ended and cannot go live again");
        }

        Room.Status = RoomStatus.Live;
        Room.StartedAt = Now;
        await WriteAsync();
        var snapshot = Snapshot();
        Enqueue(new StatusChanged(snapshot));
        Archive(new ArchivedEvent(ArchivedEvent.Status, Now, UserId: actor.UserId, Detail: snapshot.Status.ToString().ToLowerInvariant()));
        await OnLiveStatusChangedAsync();
        return snapshot;
    }

    public async Task<RoomSnapshot> End(Actor actor)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        if (Room.Status == RoomStatus.Ended)
        {
            return Snapshot();
        }

        Room.Status = RoomStatus.Ended;
        Room.EndedAt = Now;
        await WriteAsync();
        var snapshot = Snapshot();
        Enqueue(new StatusChanged(snapshot));
        Archive(new ArchivedEvent(ArchivedEvent.Status, Now, UserId: actor.UserId, Detail: snapshot.Status.ToString().ToLowerInvariant()));
        await OnLiveStatusChangedAsync();
        return snapshot;
    }

    public Task<ChatAck> SendChat(Actor actor, string text)
    {
        Room.EnsureExists(RoomId);
        var normalized = ChatText.Normalize(text);
        Room.EnsureLive();
        var now = Now;

        if (Room.MutedUntil.TryGetValue(actor.UserId, out var until) && until > now)
        {
            var left = (int)Math.Ceiling((until - now).TotalSeconds);
            throw new BroadcartException(ErrorCodes.Muted, $"you are muted for {left} more seconds");
        }

        if (Room.SlowModeSeconds > 0 && !Room.CanModerate(actor)
            && _lastChatAt.TryGetValue(actor.UserId, out var last)
            && last.AddSeconds(Room.SlowModeSeconds) > now)
        {
            var left = (int)Math.Ceiling((last.AddSeconds(Room.SlowModeSeconds) - now).TotalSeconds);
            throw new BroadcartException(ErrorCodes.SlowMode, $"slow mode is on: you can send again in {left} seconds");
        }

        var message = new ChatMessage(RoomId, Guid.CreateVersion7().ToString("N"), ++Room.ChatSeq, actor.UserId, actor.Name, normalized, now);
        Room.RecentChat.Add(message);
        if (Room.RecentChat.Count > _options.RecentChatKept)
        {
            Room.RecentChat.RemoveRange(0, Room.RecentChat.Count - _options.RecentChatKept);
        }

        _lastChatAt[actor.UserId] = now;
        _stateDirty = true;
        Enqueue(new ChatPosted(message));
        Archive(new ArchivedEvent(ArchivedEvent.Chat, now, message.Seq, message.MessageId, actor.UserId, actor.Name, message.Text));
        return Task.FromResult(new ChatAck(message.MessageId, message.Seq));
    }

    public async Task DeleteChat(Actor actor, string messageId)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureModerator(actor);
        var index = Room.RecentChat.FindIndex(m => m.MessageId == messageId);
        if (index < 0)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"message {messageId} is not among the room's recent messages");
        }

        var removed = Room.RecentChat[index];
        Room.RecentChat.RemoveAt(index);
        await WriteAsync();
        Enqueue(new ChatRemoved(messageId));
        Archive(new ArchivedEvent(ArchivedEvent.ChatDeleted, Now, removed.Seq, messageId, actor.UserId, actor.Name));
    }

    public async Task<DateTimeOffset> MuteUser(Actor actor, string userId, int seconds)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureModerator(actor);
        if (seconds < 1 || seconds > _options.MaxMuteSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"seconds must be between 1 and {_options.MaxMuteSeconds}");
        }

        if (string.IsNullOrWhiteSpace(userId) || userId == Room.StreamerId)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "the streamer cannot be muted in their own room");
        }

        var until = Now.AddSeconds(seconds);
        Room.MutedUntil[userId] = until;
        await WriteAsync();
        Archive(new ArchivedEvent(ArchivedEvent.Mute, Now, UserId: actor.UserId, Name: actor.Name, Detail: $"{userId} for {seconds} s"));
        return until;
    }

    public async Task SetSlowMode(Actor actor, int seconds)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureModerator(actor);
        if (seconds < 0 || seconds > _options.MaxSlowModeSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"seconds must be between 0 (off) and {_options.MaxSlowModeSeconds}");
        }

        Room.SlowModeSeconds = seconds;
        await WriteAsync();
        Enqueue(new SlowModeChanged(seconds));
    }

    public Task<RoomSync> Subscribe(NodeSubscription subscription)
    {
        Room.EnsureExists(RoomId);
        if (!_nodes.TryGetValue(subscription.NodeId, out var node))
        {
            node = new SubscribedNode(subscription.Relay);
            _nodes[subscription.NodeId] = node;
            _viewersChanged = true;
        }

        node.Relay = subscription.Relay;
        node.HeartbeatInterval = subscription.HeartbeatInterval;
        node.LastSeen = Now;
        CountViewers(node, subscription.ViewerCount);
        return Task.FromResult(Sync());
    }

    public Task<bool> Report(NodeReport report)
    {
        Room.EnsureExists(RoomId);
        if (!_nodes.TryGetValue(report.NodeId, out var node))
        {
            // Counts from a node the room does not send to would be counted again after it
            // subscribes: the node keeps them and reports them once subscribed.
            return Task.FromResult(false);
        }

        node.LastSeen = Now;
        CountViewers(node, report.ViewerCount);
        if (report.ViewersByRegion is { } byRegion)
        {
            node.ViewersByRegion = byRegion;
        }

        RecordMetrics(report.Counters);
        if (report.LikesDelta > 0)
        {
            Room.Likes += report.LikesDelta;
            _likesChanged = true;
            _stateDirty = true;
            Arm();
        }

        return Task.FromResult(true);
    }

    private void CountViewers(SubscribedNode node, int viewers)
    {
        viewers = Math.Max(0, viewers);
        if (node.ViewerCount != viewers)
        {
            node.ViewerCount = viewers;
            _viewersChanged = true;
        }
    }

    public Task Unsubscribe(string nodeId)
    {
        if (_nodes.Remove(nodeId))
        {
            _viewersChanged = true;
        }

        return Task.CompletedTask;
    }

    public Task<RoomDiagnostics> GetDiagnostics() =>
        Task.FromResult(new RoomDiagnostics(_callsReceived, _batchesFlushed, _nodes.Count, _stateWrites));

    private RoomSync Sync()
    {
        var recent = Room.RecentChat.Count <= 50 ? Room.RecentChat : Room.RecentChat.GetRange(Room.RecentChat.Count - 50, 50);
        return new RoomSync(Snapshot(), [.. recent], _epoch, _batchSeq);
    }

    private RoomSnapshot Snapshot() => new(
        RoomId, Room.Title, Room.Language, Room.Status, Room.StreamerId, Room.StreamerName, Room.MerchantId,
        Room.HomeRegion, ViewerTotal(), Room.Likes, Room.SlowModeSeconds, Room.ChatSeq, Room.CreatedAt,
        Room.StartedAt, Room.EndedAt, [.. Room.Showcase], Room.PinnedProductId, Room.CurrentSale, Room.Reach, Room.CoverUrl);

    private int ViewerTotal()
    {
        var total = 0;
        foreach (var node in _nodes.Values)
        {
            total += node.ViewerCount;
        }

        return total;
    }

    private void Enqueue(RoomEvent e)
    {
        _outbox.Add(e);
        Arm();
    }

    /// <summary>
    /// Leading edge: an event into a room that has not flushed for a whole interval goes out at
    /// once, so a quiet room adds no batching delay; under load, events wait for the rest of the
    /// interval and share one batch.
    /// </summary>
    private void Arm()
    {
        if (_flushArmed)
        {
            return;
        }

        _flushArmed = true;
        var sinceLastFlush = Environment.TickCount64 - _lastFlushAt;
        var interval = (long)_options.FlushInterval.TotalMilliseconds;
        _flushTimer?.Change(sinceLastFlush >= interval ? TimeSpan.Zero : TimeSpan.FromMilliseconds(interval - sinceLastFlush), Timeout.InfiniteTimeSpan);
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        _flushArmed = false;
        if (_likesChanged)
        {
            _likesChanged = false;
            _outbox.Add(new LikesChanged(Room.Likes));
        }

        _purchasesThisFlush = 0;
        if (_pendingStock is { } stock)
        {
            var wait = _lastStockSent + _options.StockInterval - Now;
            if (wait > TimeSpan.Zero)
            {
                _flushArmed = true;
                _flushTimer?.Change(wait, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _pendingStock = null;
                _lastStockSent = Now;
                _outbox.Add(new StockChanged(stock.ProductId, stock.Remaining));
            }
        }

        if (_outbox.Count == 0)
        {
            return Task.CompletedTask;
        }

        _lastFlushAt = Environment.TickCount64;
        var batch = new RoomEventBatch(RoomId, _epoch, ++_batchSeq, [.. _outbox]);
        _outbox.Clear();
        _batchesFlushed++;
        foreach (var (nodeId, node) in _nodes)
        {
            try
            {
                // One-way: completes at once, whatever the node does with it.
                _ = node.Relay.OnEvents(batch);
            }
            catch (Exception ex)
            {
                _log.LogWarning(ex, "Could not send a batch of room {RoomId} to node {NodeId}", RoomId, nodeId);
            }
        }

        return Task.CompletedTask;
    }

    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var (nodeId, node) in _nodes.ToArray())
        {
            if (node.LastSeen + (node.HeartbeatInterval * _options.MissedHeartbeatsBeforeDrop) < now)
            {
                _nodes.Remove(nodeId);
                _viewersChanged = true;
                _log.LogInformation("Room {RoomId} dropped node {NodeId}: no heartbeat since {LastSeen}", RoomId, nodeId, node.LastSeen);
            }
        }

        if (_viewersChanged)
        {
            _viewersChanged = false;
            var total = ViewerTotal();
            if (total != _lastViewersSent)
            {
                _lastViewersSent = total;
                Enqueue(new ViewersChanged(total));
            }

            RecordViewersByRegion();
        }

        await RenewFeedsIfDueAsync();

        PruneModeration(now);
        await FlushArchiveAsync();

        if (_stateDirty)
        {
            try
            {
                await WriteAsync();
            }
            catch (Exception ex)
            {
                // The next tick tries again; chat is already delivered, only its copy is late.
                _log.LogWarning(ex, "Could not write room {RoomId} behind", RoomId);
            }
        }
    }

    private void PruneModeration(DateTimeOffset now)
    {
        foreach (var (userId, until) in Room.MutedUntil.ToArray())
        {
            if (until <= now)
            {
                Room.MutedUntil.Remove(userId);
            }
        }

        var slow = TimeSpan.FromSeconds(Math.Max(Room.SlowModeSeconds, 1));
        foreach (var (userId, at) in _lastChatAt.ToArray())
        {
            if (at + slow <= now)
            {
                _lastChatAt.Remove(userId);
            }
        }
    }

    private async Task WriteAsync()
    {
        await _state.WriteStateAsync();
        _stateDirty = false;
        _stateWrites++;
    }
}

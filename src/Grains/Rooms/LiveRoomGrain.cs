using Broadcart.Grains.Archive;
using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach;
using Broadcart.Grains.Commerce;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// One live room. The grain sequences its parts, each of which owns its slice of the room: the
/// chat log, moderation, likes, the showcase, the sale view, the purchase ticker, the subscribed
/// nodes, the outbox, the feed listing and the archive backlog. Events go to the outbox, which is
/// flushed to every subscribed node's relay as one one-way batch; the grain never awaits a node or
/// a viewer. Chat is written behind on the maintenance tick; room metadata and moderation are
/// written before they are acknowledged.
/// </summary>
public sealed partial class LiveRoomGrain : Grain, ILiveRoomGrain, IIncomingGrainCallFilter, IRemindable
{
    private readonly IPersistentState<LiveRoomState> _state;
    private readonly RoomOptions _options;
    private readonly Translation.TranslationOptions _translation;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveRoomGrain> _log;

    private readonly NodeSubscriptions _nodes = new();
    private readonly RoomOutbox _outbox;
    private readonly PurchaseTicker _ticker;
    private readonly RoomFeedListing _feeds;
    private readonly ArchiveBacklog _archive;

    // Stopwatch ticks the grain's turns spent taking chat and flushing to nodes (diagnostics: the relay-scale bench reads them).
    private long _chatTicks;
    private long _flushTicks;

    // These wrap the persisted state, which storage replaces when it reads: made on activation.
    private ChatLog _chat = null!;
    private RoomModeration _moderation = null!;
    private readonly RoomChatLimit _chatLimit;
    private RoomLikes _likes = null!;
    private RoomShowcase _showcase = null!;
    private RoomSaleView _sale = null!;
    private RoomAuctionView _auction = null!;

    private IGrainTimer? _flushTimer;
    private bool _stateDirty;
    private long _callsReceived;
    private long _stateWrites;

    public LiveRoomGrain(
        [PersistentState("room", StorageNames.Default)] IPersistentState<LiveRoomState> state,
        IOptions<RoomOptions> options,
        IOptions<FeedOptions> feeds,
        IOptions<ChatRateOptions> chatRate,
        IOptions<Translation.TranslationOptions> translation,
        TimeProvider time,
        IEventArchive archive,
        ILogger<LiveRoomGrain> log)
    {
        _state = state;
        _options = options.Value;
        _translation = translation.Value;
        _time = time;
        _log = log;
        _outbox = new RoomOutbox(RoomId, _options.FlushInterval);
        _ticker = new PurchaseTicker(_options.MaxPurchasesPerFlush);
        _feeds = new RoomFeedListing(GrainFactory, RoomId, feeds.Value.RefreshInterval);
        _archive = new ArchiveBacklog(archive, RoomId, log);
        _chatLimit = new RoomChatLimit(chatRate.Value);
    }

    private LiveRoomState Room => _state.State;
    private string RoomId => this.GetPrimaryKeyString();
    private DateTimeOffset Now => _time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _chat = new ChatLog(Room, _options.RecentChatKept);
        _moderation = new RoomModeration(Room, _options);
        _likes = new RoomLikes(Room);
        _showcase = new RoomShowcase(Room, _options.MaxShowcase);
        _sale = new RoomSaleView(Room, _options.StockInterval);
        _auction = new RoomAuctionView(Room, _options.StockInterval);

        _flushTimer = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        this.RegisterGrainTimer(MaintainAsync, new GrainTimerCreationOptions(_options.MaintenanceInterval, _options.MaintenanceInterval));

        if (Room.Exists)
        {
            if (!Room.CleanShutdown)
            {
                _chat.SkipAfterUncleanStop(_options.SeqSkipAfterUncleanStop);
            }

            // Recorded now, so that a crash before the next write is seen as unclean.
            Room.CleanShutdown = false;

            // The room's copies of its open sale and its reach are caches of the grains that own them: the
            // sale's counts are written behind here, and one-way news may have been lost in a crash.
            if (_sale.Current is { IsOpen: true } sale)
            {
                _sale.Replace(await GrainFactory.GetGrain<IFlashSaleGrain>(sale.Key).Get());
            }

            if (_auction.Current is { IsOpen: true } auction)
            {
                _auction.Replace(await GrainFactory.GetGrain<Auctions.IAuctionGrain>(auction.Key).Get());
            }

            if (Room.Reach is not null)
            {
                Room.Reach = await GrainFactory.GetGrain<IRoomReachGrain>(RoomId).Get();
            }

            await WriteAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _archive.FlushAsync();
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
        return await StatusMovedAsync(actor);
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
        var ended = await StatusMovedAsync(actor);

        // A sale does not outlive its show: its price was for the live audience.
        if (_sale.Current is { IsOpen: true } running)
        {
            await GrainFactory.GetGrain<IFlashSaleGrain>(running.Key).End();
        }

        // The replay is served from the archive as soon as the room has ended: do not leave its end to the next tick.
        await _archive.FlushAsync();

        // The report is stored once the room has ended; the report endpoint stores it too if this is lost.
        _ = GrainFactory.GetGrain<IRoomMetricsGrain>(RoomId).RoomEnded(Room.EndedAt.Value);
        return ended;
    }

    private async Task<RoomSnapshot> StatusMovedAsync(Actor actor)
    {
        await WriteAsync();
        var snapshot = Snapshot();
        Enqueue(new StatusChanged(snapshot));
        _archive.Add(new ArchivedEvent(ArchivedEvent.Status, Now, UserId: actor.UserId, Detail: snapshot.Status.ToString().ToLowerInvariant()));
        await OnLiveStatusChangedAsync();
        return snapshot;
    }

    public Task<ChatAck> SendChat(Actor actor, string text)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return Task.FromResult(PostChat(actor, text));
        }
        finally
        {
            _chatTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        }
    }

    private ChatAck PostChat(Actor actor, string text)
    {
        Room.EnsureExists(RoomId);
        var normalized = ChatText.Normalize(text);
        Room.EnsureLive();
        var now = Now;
        _moderation.EnsureMayChat(actor, now);
        var limited = !Room.CanModerate(actor);
        if (limited)
        {
            _chatLimit.EnsureMayChat(actor.UserId, now);
        }

        var message = _chat.Append(RoomId, actor, normalized, now);
        _moderation.Chatted(actor.UserId, now);
        if (limited)
        {
            _chatLimit.Chatted(actor.UserId, now);
        }
        _stateDirty = true;
        Enqueue(new ChatPosted(message));
        RequestTranslations(message, actor.Language);
        _archive.Add(new ArchivedEvent(ArchivedEvent.Chat, now, message.Seq, message.MessageId, actor.UserId, actor.Name, message.Text));
        return new ChatAck(message.MessageId, message.Seq);
    }

    public async Task DeleteChat(Actor actor, string messageId)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureModerator(actor);
        var removed = _chat.Remove(messageId);
        await WriteAsync();
        Enqueue(new ChatRemoved(messageId));
        _archive.Add(new ArchivedEvent(ArchivedEvent.ChatDeleted, Now, removed.Seq, messageId, actor.UserId, actor.Name));
    }

    public async Task<DateTimeOffset> MuteUser(Actor actor, string userId, int seconds)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureModerator(actor);
        var until = _moderation.Mute(userId, seconds, Now);
        await WriteAsync();
        _archive.Add(new ArchivedEvent(ArchivedEvent.Mute, Now, UserId: actor.UserId, Name: actor.Name, Detail: $"{userId} for {seconds} s"));
        return until;
    }

    public async Task SetSlowMode(Actor actor, int seconds)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureModerator(actor);
        _moderation.SetSlowMode(seconds);
        await WriteAsync();
        Enqueue(new SlowModeChanged(seconds));
    }

    public Task<RoomSnapshot> AppointModerator(Actor actor, string userId) =>
        ModeratorsMovedAsync(actor, _moderation.Appoint, userId, "appointed");

    public Task<RoomSnapshot> DismissModerator(Actor actor, string userId) =>
        ModeratorsMovedAsync(actor, _moderation.Dismiss, userId, "dismissed");

    private async Task<RoomSnapshot> ModeratorsMovedAsync(Actor actor, Func<string, bool> change, string userId, string verb)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        if (change(userId))
        {
            await WriteAsync();
            Enqueue(new ModeratorsChanged([.. Room.Moderators]));
            _archive.Add(new ArchivedEvent(ArchivedEvent.Moderators, Now, UserId: actor.UserId, Name: actor.Name, Detail: $"{verb} {userId}"));
        }

        return Snapshot();
    }

    public Task<RoomSync> Subscribe(NodeSubscription subscription)
    {
        Room.EnsureExists(RoomId);
        _nodes.Subscribe(subscription, Now);
        return Task.FromResult(new RoomSync(Snapshot(), _chat.Latest(50), _outbox.Epoch, _outbox.LastBatchSeq));
    }

    public Task<bool> Report(NodeReport report)
    {
        Room.EnsureExists(RoomId);
        if (!_nodes.Report(report, Now))
        {
            return Task.FromResult(false);
        }

        RecordMetrics(report.Counters);
        if (_likes.Add(report.LikesDelta))
        {
            _stateDirty = true;
            ArmFlush();
        }

        return Task.FromResult(true);
    }

    public Task Unsubscribe(string nodeId)
    {
        _nodes.Unsubscribe(nodeId);
        return Task.CompletedTask;
    }

    public Task<RoomDiagnostics> GetDiagnostics() =>
        Task.FromResult(new RoomDiagnostics(_callsReceived, _outbox.BatchesFlushed, _nodes.Count, _stateWrites, [.. _nodes.Languages().Order(StringComparer.Ordinal)], _outbox.LastBatchSeq,
            System.Diagnostics.Stopwatch.GetElapsedTime(0, _chatTicks), System.Diagnostics.Stopwatch.GetElapsedTime(0, _flushTicks)));

    private RoomSnapshot Snapshot() => new(
        RoomId, Room.Title, Room.Language, Room.Status, Room.StreamerId, Room.StreamerName, Room.MerchantId,
        Room.HomeRegion, _nodes.ViewerTotal(), Room.Likes, _moderation.SlowModeSeconds, _chat.LastSeq, Room.CreatedAt,
        Room.StartedAt, Room.EndedAt, _showcase.Products, Room.PinnedProductId, _sale.Current, Room.Reach, Room.CoverUrl)
    {
        Moderators = [.. Room.Moderators],
        Auction = _auction.Current,
    };

    private void Enqueue(RoomEvent e)
    {
        _outbox.Add(e);
        ArmFlush();
    }

    private void ArmFlush()
    {
        if (_outbox.Arm(Environment.TickCount64) is { } delay)
        {
            _flushTimer?.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            Flush();
        }
        finally
        {
            _flushTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        }

        return Task.CompletedTask;
    }

    private void Flush()
    {
        _outbox.Disarm();
        _ticker.NextFlush();
        if (_likes.TakeChange() is { } likes)
        {
            _outbox.Add(likes);
        }

        var (stock, wait) = _sale.TakeStock(Now);
        if (stock is not null)
        {
            _outbox.Add(stock);
        }

        var (bids, bidsWait) = _auction.TakeHeld(Now);
        if (bids is not null)
        {
            _outbox.Add(bids);
        }

        // Held updates come back on the timer: the sooner of the two.
        var held = new[] { wait, bidsWait }.Where(w => w > TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).Min();
        if (held > TimeSpan.Zero)
        {
            _outbox.StayArmed();
            _flushTimer?.Change(held, Timeout.InfiniteTimeSpan);
        }

        if (_outbox.TakeBatch(Environment.TickCount64) is { } batch)
        {
            _nodes.Send(batch, _log);
        }
    }

    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var (nodeId, lastSeen) in _nodes.DropSilent(now, _options.MissedHeartbeatsBeforeDrop))
        {
            _log.LogInformation("Room {RoomId} dropped node {NodeId}: no heartbeat since {LastSeen}", RoomId, nodeId, lastSeen);
        }

        if (_nodes.TakeChange() is { } viewers)
        {
            if (viewers.Total is { } total)
            {
                Enqueue(new ViewersChanged(total));
            }

            RecordMetrics(viewers.ByRegion);
        }

        if (Room.Status == RoomStatus.Live && _feeds.IsDue(now))
        {
            await RenewFeedsAsync();
        }

        _moderation.Prune(now);
        _chatLimit.Prune(now);
        await _archive.FlushAsync();

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

    private async Task WriteAsync()
    {
        await _state.WriteStateAsync();
        _stateDirty = false;
        _stateWrites++;
    }
}

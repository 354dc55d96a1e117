using Broadcart.Api.Orders;
using Broadcart.Api.Relay;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Common;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Rooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Live;

/// <summary>
/// <c>/hubs/live</c>. Joins are answered from the node's replica of the room; chat and moderation
/// go to the room grain; likes and clicks are counted here and reported in batches.
/// </summary>
[Authorize]
public sealed class LiveHub(
    NodeRooms rooms,
    LiveConnections connections,
    IGrainFactory grains,
    OrderPlacement orders,
    MetricsWatchers metricsWatchers) : Hub
{
    public const string Path = "/hubs/live";

    private LiveViewer Viewer => connections.Find(Context.ConnectionId)
        ?? throw new InvalidOperationException($"connection {Context.ConnectionId} is not registered");

    private Actor Actor => Viewer.Actor;

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metricsWatchers.RemoveConnection(Context.ConnectionId);
        if (connections.Find(Context.ConnectionId) is { } viewer)
        {
            foreach (var roomId in viewer.Rooms)
            {
                rooms.Leave(roomId, viewer);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Where <see cref="BindingFailureProtocol"/> sends an invocation whose arguments could not be
    /// read: always a <c>validation_failed</c> refusal that names the method's parameters.
    /// </summary>
    public Task RefuseInvocation(string method, string reason) =>
        throw new BroadcartException(ErrorCodes.ValidationFailed, reason);

    public async Task<RoomView> JoinRoom(string roomId)
    {
        RoomIds.Validate(roomId);
        var viewer = Viewer;

        // Audience first, replica second: whatever the replica misses reaches the viewer through the room's sender.
        var room = await rooms.JoinAsync(roomId, viewer);

        // A view for attribution: one-way, so the join never waits on it.
        _ = grains.GetGrain<IUserTouchpointsGrain>(viewer.Actor.UserId).Viewed([roomId]);
        return room.JoinViews.For(room.Replica, viewer.Region);
    }

    public Task LeaveRoom(string roomId)
    {
        RoomIds.Validate(roomId);
        rooms.Leave(roomId, Viewer);
        return Task.CompletedTask;
    }

    public Task<ChatAck> SendChat(string roomId, string text)
    {
        EnsureJoined(roomId);
        var normalized = ChatText.Normalize(text);
        return Room(roomId).SendChat(Actor, normalized);
    }

    /// <summary>The chat language this connection reads: chat in other languages also reaches it as <c>chatTranslated</c>.</summary>
    public Task SetLanguage(string language)
    {
        var primary = Broadcart.Grains.Translation.ChatLanguage.Validate(language);
        var viewer = Viewer;
        var before = viewer.SetLanguage(primary);
        if (before != primary)
        {
            foreach (var roomId in viewer.Rooms)
            {
                rooms.Find(roomId)?.Audience.LanguageChanged(viewer, before);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A bid in the room's auction; answered once it is durable.</summary>
    public async Task<Auctions.BidAnswer> Bid(string roomId, string auctionId, long amountMinor)
    {
        if (EnsureJoined(roomId).Replica.Room is { } room)
        {
            // Shill bidding: whoever sells the lot may not raise its price.
            if (room.StreamerId == Actor.UserId || room.MerchantId == Actor.UserId)
            {
                throw new BroadcartException(ErrorCodes.Forbidden, "the room's streamer and merchant cannot bid in its auctions");
            }

            room.EnsureSellsTo(Actor.Region);
        }

        var result = await Auctions.AuctionEndpoints.Auction(grains, roomId, auctionId).Bid(Actor, amountMinor);
        return new Auctions.BidAnswer(result.Leading, result.Amount, result.EndsAt);
    }

    public Task Like(string roomId)
    {
        var room = EnsureJoined(roomId);
        if (room.Replica.Room?.Status != RoomStatus.Live)
        {
            throw new BroadcartException(ErrorCodes.RoomNotLive, "likes are counted only while the room is live");
        }

        room.Counters.AddLike();
        return Task.CompletedTask;
    }

    public Task MuteUser(string roomId, string userId, int seconds) =>
        Room(RoomIds.Validate(roomId)).MuteUser(Actor, userId, seconds);

    public Task DeleteChat(string roomId, string messageId) =>
        Room(RoomIds.Validate(roomId)).DeleteChat(Actor, messageId);

    public Task SetSlowMode(string roomId, int seconds) =>
        Room(RoomIds.Validate(roomId)).SetSlowMode(Actor, seconds);

    public Task ClickProduct(string roomId, string productId)
    {
        var room = EnsureJoined(roomId);
        if (!Identity.Identifiers.IsValid(productId) || room.Replica.Room?.Showcase.Any(p => p.Id == productId) != true)
        {
            throw new BroadcartException(ErrorCodes.NotFound, "that product is not in this room's showcase");
        }

        room.Counters.CountClick(Viewer.Region);
        _ = grains.GetGrain<IUserTouchpointsGrain>(Actor.UserId).Clicked(roomId);
        return Task.CompletedTask;
    }

    /// <summary>The room's streamer or merchant: the current figures now, then <c>metrics</c> at most once a second.</summary>
    public async Task<MetricsReport> WatchMetrics(string roomId)
    {
        await RoomEarningsAccess.EnsureMaySeeAsync(grains, roomId, Context.User!);
        metricsWatchers.Add(roomId, Context.ConnectionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, MetricsWatchers.Group(roomId));
        return await grains.GetGrain<IRoomMetricsGrain>(roomId).Get();
    }

    public async Task<OrderResponse> Purchase(string roomId, string productId, int quantity, string idempotencyKey)
    {
        var result = await orders.PlaceAsync(Actor, roomId, productId, quantity, idempotencyKey);
        return OrderResponse.From(result.Order);
    }

    private LocalRoom EnsureJoined(string roomId)
    {
        RoomIds.Validate(roomId);
        if (!Viewer.HasJoined(roomId) || rooms.Find(roomId) is not { } room)
        {
            throw new BroadcartException(ErrorCodes.NotJoined, "join the room before doing this");
        }

        return room;
    }

    private ILiveRoomGrain Room(string roomId) => grains.GetGrain<ILiveRoomGrain>(roomId);
}

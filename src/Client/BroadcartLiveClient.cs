using System.Text.Json;
using Broadcart.Client.Wire;
using Broadcart.Protocol;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Client;

/// <summary>
/// Broadcart's live hub, typed: one connection, any number of joined rooms. It reconnects by
/// itself; after a reconnect it joins every room again and passes on the chat it missed from the
/// room's <c>recentChat</c>, each message once and in <c>seq</c> order (<see cref="ChatSequence"/>).
/// Events are raised on SignalR's receive loop: keep handlers short.
/// </summary>
public sealed class BroadcartLiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ChatSequence _chat = new();
    private readonly Lock _lock = new();
    private readonly HashSet<string> _rooms = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<TimeSpan> _reconnectDelays;
    private string? _language;
    private volatile bool _stopping;

    public BroadcartLiveClient(LiveClientOptions options)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(options.HubUrl, o =>
            {
                o.AccessTokenProvider = options.AccessToken;
                if (options.SkipNegotiation)
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                }
            })
            .WithAutomaticReconnect([.. options.ReconnectDelays]);
        if (options.Protocol == HubWireProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol(o => o.SerializerOptions = MessagePackWire.Options);
        }
        else
        {
            builder.AddJsonProtocol(o => WireJson.Configure(o.PayloadSerializerOptions));
        }

        _reconnectDelays = options.ReconnectDelays;
        _connection = builder.Build();
        Wire();
        _connection.Reconnecting += _ => Raise(Reconnecting);
        _connection.Reconnected += _ => RejoinAsync();
        _connection.Closed += OnClosedAsync;
    }

    /// <summary>Chat from <c>chat</c>, <c>chatBatch</c> and gap fills after a reconnect: each message once, in order per room.</summary>
    public event Action<ChatMessage>? Chat;

    public event Action<ChatDeleted>? ChatDeleted;

    public event Action<ChatTranslated>? ChatTranslated;

    public event Action<ViewerCount>? Viewers;

    public event Action<LikeTotal>? Likes;

    public event Action<RoomStatusChanged>? RoomStatus;

    public event Action<SlowModeChanged>? SlowMode;

    public event Action<ProductPinned>? ProductPinned;

    public event Action<ShowcaseChanged>? Showcase;

    public event Action<FlashSale>? FlashSale;

    public event Action<StockChanged>? Stock;

    public event Action<PurchaseMade>? Purchase;

    public event Action<GeoSetting>? Geo;

    /// <summary>An auction's state: bids coalesced like stock, the close sent at once.</summary>
    public event Action<Auction>? Auction;

    /// <summary>The room's figures, to <see cref="WatchMetricsAsync"/> callers (the metrics object of docs/protocol.md).</summary>
    public event Action<JsonElement>? Metrics;

    /// <summary>The connection dropped; the client is trying again.</summary>
    public event Action? Reconnecting;

    /// <summary>Back after a reconnect, with the room as it is now (its missed chat has been raised already).</summary>
    public event Action<Room>? Rejoined;

    /// <summary>Back after a reconnect with every room joined again (or given up in <see cref="RejoinFailed"/>); raised after the <see cref="Rejoined"/> events.</summary>
    public event Action? Reconnected;

    /// <summary>A rejoin after a reconnect failed (the room ended and is gone, the token expired): the room is left.</summary>
    public event Action<string, Exception>? RejoinFailed;

    /// <summary>Gave up reconnecting, or stopped.</summary>
    public event Action<Exception?>? Closed;

    public HubConnectionState State => _connection.State;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _stopping = false;
        return _connection.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopping = true;
        return _connection.StopAsync(cancellationToken);
    }

    /// <summary>Joins a room; its recent chat is raised as <see cref="Chat"/> (the messages not seen before) and returned with the room.</summary>
    public async Task<Room> JoinRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        var room = await Invoke<Room>("JoinRoom", [roomId], cancellationToken);
        lock (_lock)
        {
            _rooms.Add(roomId);
        }

        RaiseChat(roomId, room.RecentChat);
        return room;
    }

    public async Task LeaveRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _rooms.Remove(roomId);
        }

        await Invoke("LeaveRoom", [roomId], cancellationToken);
        _chat.Forget(roomId);
    }

    public Task<ChatAck> SendChatAsync(string roomId, string text, CancellationToken cancellationToken = default) =>
        Invoke<ChatAck>("SendChat", [roomId, text], cancellationToken);

    /// <summary>The language this connection reads chat in (BCP 47); kept and set again after a reconnect.</summary>
    public async Task SetLanguageAsync(string language, CancellationToken cancellationToken = default)
    {
        await Invoke("SetLanguage", [language], cancellationToken);
        _language = language;
    }

    public Task LikeAsync(string roomId, CancellationToken cancellationToken = default) => Invoke("Like", [roomId], cancellationToken);

    public Task MuteUserAsync(string roomId, string userId, int seconds, CancellationToken cancellationToken = default) =>
        Invoke("MuteUser", [roomId, userId, seconds], cancellationToken);

    public Task DeleteChatAsync(string roomId, string messageId, CancellationToken cancellationToken = default) =>
        Invoke("DeleteChat", [roomId, messageId], cancellationToken);

    public Task SetSlowModeAsync(string roomId, int seconds, CancellationToken cancellationToken = default) =>
        Invoke("SetSlowMode", [roomId, seconds], cancellationToken);

    public Task ClickProductAsync(string roomId, string productId, CancellationToken cancellationToken = default) =>
        Invoke("ClickProduct", [roomId, productId], cancellationToken);

    /// <summary>The room's figures now; then <see cref="Metrics"/> events while they change (streamer, merchant, admin).</summary>
    public Task<JsonElement> WatchMetricsAsync(string roomId, CancellationToken cancellationToken = default) =>
        Invoke<JsonElement>("WatchMetrics", [roomId], cancellationToken);

    /// <summary>Orders a product; the same idempotency key always answers the same order.</summary>
    public Task<Order> PurchaseAsync(string roomId, string productId, int quantity, string idempotencyKey, CancellationToken cancellationToken = default) =>
        Invoke<Order>("Purchase", [roomId, productId, quantity, idempotencyKey], cancellationToken);

    /// <summary>A bid in the room's auction, answered once durable; refusals such as <c>bid_too_low</c> and <c>auction_ended</c> throw <see cref="BroadcartHubException"/>.</summary>
    public Task<BidAnswer> BidAsync(string roomId, string auctionId, long amountMinor, CancellationToken cancellationToken = default) =>
        Invoke<BidAnswer>("Bid", [roomId, auctionId, amountMinor], cancellationToken);

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        return _connection.DisposeAsync();
    }

    private void Wire()
    {
        _connection.On<ChatMessage>("chat", m => RaiseChat(m.RoomId, [m]));
        _connection.On<ChatBatch>("chatBatch", b => RaiseChat(b.RoomId, b.Messages));
        On("chatDeleted", () => ChatDeleted);
        On("chatTranslated", () => ChatTranslated);
        On("viewers", () => Viewers);
        On("likes", () => Likes);
        On("roomStatus", () => RoomStatus);
        On("slowMode", () => SlowMode);
        On("productPinned", () => ProductPinned);
        On("showcase", () => Showcase);
        On("flashSale", () => FlashSale);
        On("stock", () => Stock);
        On("purchase", () => Purchase);
        On("geo", () => Geo);
        On("auction", () => Auction);
        On("metrics", () => Metrics);
    }

    private void On<T>(string name, Func<Action<T>?> handler) => _connection.On<T>(name, payload => handler()?.Invoke(payload));

    private void RaiseChat(string roomId, IEnumerable<ChatMessage> messages)
    {
        foreach (var message in _chat.Accept(roomId, messages))
        {
            Chat?.Invoke(message);
        }
    }

    // A new connection has no rooms and no language: set both again, and fill each room's gap from its recent chat.
    private async Task RejoinAsync()
    {
        if (_language is { } language)
        {
            try
            {
                await Invoke("SetLanguage", [language], CancellationToken.None);
            }
            catch (BroadcartHubException)
            {
                // The language was valid before; a refusal now changes nothing we can fix here.
            }
        }

        string[] rooms;
        lock (_lock)
        {
            rooms = [.. _rooms];
        }

        foreach (var roomId in rooms)
        {
            try
            {
                var room = await Invoke<Room>("JoinRoom", [roomId], CancellationToken.None);
                RaiseChat(roomId, room.RecentChat);
                Rejoined?.Invoke(room);
            }
            catch (Exception e) when (e is BroadcartHubException or InvalidOperationException)
            {
                lock (_lock)
                {
                    _rooms.Remove(roomId);
                }

                RejoinFailed?.Invoke(roomId, e);
            }
        }

        Reconnected?.Invoke();
    }

    private async Task Invoke(string method, object?[] args, CancellationToken cancellationToken)
    {
        try
        {
            await _connection.InvokeCoreAsync(method, args, cancellationToken);
        }
        catch (HubException e)
        {
            throw BroadcartHubException.From(e);
        }
    }

    private async Task<T> Invoke<T>(string method, object?[] args, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.InvokeCoreAsync<T>(method, args, cancellationToken);
        }
        catch (HubException e)
        {
            throw BroadcartHubException.From(e);
        }
    }

    // SignalR reconnects by itself only after a transport failure. A server that closes the
    // connection on purpose (a stalled socket closed by the node, a node draining) needs a new
    // start: the same delays, then the same rejoin.
    private async Task OnClosedAsync(Exception? error)
    {
        if (_stopping)
        {
            Closed?.Invoke(error);
            return;
        }

        Reconnecting?.Invoke();
        foreach (var delay in _reconnectDelays)
        {
            await Task.Delay(delay);
            if (_stopping)
            {
                break;
            }

            try
            {
                await _connection.StartAsync();
                await RejoinAsync();
                return;
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException or TimeoutException)
            {
                error = e;
            }
        }

        Closed?.Invoke(error);
    }

    private static Task Raise(Action? handler)
    {
        handler?.Invoke();
        return Task.CompletedTask;
    }
}

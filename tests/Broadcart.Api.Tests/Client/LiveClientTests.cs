using Broadcart.Api.Live;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Client;
using Broadcart.Client.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Client;

/// <summary>The .NET client SDK against a real node: typed events and results on both protocols, coded refusals, and a reconnect that fills the chat gap once.</summary>
public sealed class LiveClientTests
{
    [Theory]
    [InlineData(HubWireProtocol.Json)]
    [InlineData(HubWireProtocol.MessagePack)]
    public async Task Typed_events_and_results_and_coded_refusals(HubWireProtocol protocol)
    {
        await using var node = await EmbeddedNode.StartAsync();
        var shop = await node.ShopAsync(stock: 10);
        await using var viewer = Client(node, node.MintToken("sdk-viewer-" + protocol, name: "Sam"), protocol);
        var chat = new Recorded<ChatMessage>();
        var purchases = new Recorded<PurchaseMade>();
        viewer.Chat += chat.Add;
        viewer.Purchase += purchases.Add;
        await viewer.StartAsync();

        var room = await viewer.JoinRoomAsync(shop.RoomId);
        Assert.Equal("live", room.Status);
        Assert.Equal(shop.ProductId, room.Pinned?.Id);
        Assert.Equal(new Money("USD", 2500), room.Pinned?.Price);

        var ack = await viewer.SendChatAsync(shop.RoomId, "typed hello");
        var seen = await chat.FirstAsync(m => m.MessageId == ack.MessageId, "the chat message");
        Assert.Equal(("typed hello", ack.Seq, "Sam"), (seen.Text, seen.Seq, seen.Name));

        var order = await viewer.PurchaseAsync(shop.RoomId, shop.ProductId, 1, "sdk-" + protocol);
        Assert.Equal(("reserved", 2500L, "live"), (order.Status, order.Total.AmountMinor, order.Source));
        Assert.Equal(shop.ProductId, (await purchases.FirstAsync(p => p.ProductId == shop.ProductId, "the purchase event")).ProductId);

        var auctions = new Recorded<Auction>();
        viewer.Auction += auctions.Add;
        var opened = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/auctions", shop.StreamerToken, new
        {
            productId = shop.ProductId, startPrice = new { currency = "USD", amountMinor = 1000 }, increment = new { currency = "USD", amountMinor = 100 }, durationSeconds = 600,
        }));
        var auctionId = opened.GetProperty("auctionId").GetString()!;
        var bid = await viewer.BidAsync(shop.RoomId, auctionId, 1200);
        Assert.Equal((true, new Money("USD", 1200)), (bid.Leading, bid.Amount));
        var leading = await auctions.FirstAsync(a => a.AuctionId == auctionId && a.Bids == 1, "the auction after the bid");
        Assert.Equal(("open", new Money("USD", 1200), "S***m", new Money("USD", 1300)), (leading.State, leading.CurrentBid, leading.Leader, leading.MinimumBid));
        var tooLow = await Assert.ThrowsAsync<BroadcartHubException>(() => viewer.BidAsync(shop.RoomId, auctionId, 1250));
        Assert.Equal("bid_too_low", tooLow.Code);

        var refused = await Assert.ThrowsAsync<BroadcartHubException>(() => viewer.SendChatAsync(shop.RoomId, "   "));
        Assert.Equal("validation_failed", refused.Code);
        var notJoined = await Assert.ThrowsAsync<BroadcartHubException>(() => viewer.LikeAsync("rnotjoined0000"));
        Assert.Equal("not_joined", notJoined.Code);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => viewer.SendChatAsync(shop.RoomId, "never", cancelled.Token));
    }

    [Fact]
    public async Task After_a_dropped_connection_it_rejoins_and_passes_on_the_missed_chat_once_in_order()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var (roomId, streamerToken) = await node.LiveRoomAsync();
        await using var streamer = await node.ConnectAsync(streamerToken);
        await streamer.JoinAsync(roomId);
        await using var viewer = Client(node, node.MintToken("sdk-reconnect"), HubWireProtocol.Json);
        var chat = new Recorded<ChatMessage>();
        var rejoined = new Recorded<Room>();
        viewer.Chat += chat.Add;
        viewer.Rejoined += rejoined.Add;
        var reconnected = new Recorded<int>();
        viewer.Reconnected += () => reconnected.Add(rejoined.All.Count);
        await viewer.StartAsync();
        await viewer.JoinRoomAsync(roomId);
        await viewer.SetLanguageAsync("es");

        for (var i = 1; i <= 3; i++)
        {
            await streamer.SendChatAsync(roomId, $"before {i}");
        }

        await chat.FirstAsync(m => m.Text == "before 3", "before 3");

        // The server drops the connection (as a node restart or a stalled socket does); the room goes on.
        var connections = node.Services.GetRequiredService<LiveConnections>();
        var dropped = connections.All.Single(v => v.Actor.UserId == "sdk-reconnect");
        dropped.Connection.Abort();
        for (var i = 1; i <= 3; i++)
        {
            await streamer.SendChatAsync(roomId, $"while away {i}");
        }

        await rejoined.FirstAsync(r => r.RoomId == roomId, "the rejoin");
        Assert.Equal(1, await reconnected.FirstAsync(_ => true, "reconnected, after the room was joined again"));
        await streamer.SendChatAsync(roomId, "after");
        await chat.FirstAsync(m => m.Text == "after", "the message after the reconnect");

        Assert.Equal(Enumerable.Range(1, 7).Select(s => (long)s), chat.All.Select(m => m.Seq));
        Assert.Equal(["before 1", "before 2", "before 3", "while away 1", "while away 2", "while away 3", "after"], chat.All.Select(m => m.Text));

        // The new connection reads Spanish again: the language was set again after the reconnect.
        var again = connections.All.Single(v => v.Actor.UserId == "sdk-reconnect");
        Assert.NotSame(dropped, again);
        Assert.Equal("es", again.Language);
    }

    private static BroadcartLiveClient Client(ApiNode node, string token, HubWireProtocol protocol) => new(new LiveClientOptions
    {
        HubUrl = new Uri(node.BaseUrl, LiveHub.Path),
        AccessToken = () => Task.FromResult<string?>(token),
        Protocol = protocol,
        ReconnectDelays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)],
    });
}

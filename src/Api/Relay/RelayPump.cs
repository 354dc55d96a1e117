using Broadcart.Api.Commerce;
using Broadcart.Api.Live;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Relay;

/// <summary>
/// Drains the relay: updates the node's replica, then sends each batch to the room's local
/// group, without chat the replica says was already sent. Chat that arrived in one flush goes out
/// as one <c>chatBatch</c> invocation.
/// </summary>
public sealed class RelayPump(RoomRelay relay, LocalRooms rooms, IHubContext<LiveHub> hub, ILogger<RelayPump> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in relay.Batches.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var undelivered = rooms.Find(batch.RoomId)?.Replica.Apply(batch) ?? batch;
                    await SendAsync(undelivered, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Could not deliver a batch of room {RoomId}", batch.RoomId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(RoomEventBatch batch, CancellationToken cancellationToken)
    {
        var group = hub.Clients.Group(RoomGroups.Room(batch.RoomId));
        var chat = new List<ChatMessage>();
        foreach (var e in batch.Events)
        {
            if (e is ChatPosted posted)
            {
                chat.Add(posted.Message);
                continue;
            }

            await SendChatAsync(group, batch.RoomId, chat, cancellationToken);
            if (e is ProductPinned or ShowcaseChanged or GeoChanged)
            {
                await SendPerRegionAsync(batch.RoomId, e, cancellationToken);
                continue;
            }

            var (name, payload) = Render(batch.RoomId, e);
            if (name is not null)
            {
                await group.SendAsync(name, payload, cancellationToken);
            }
        }

        await SendChatAsync(group, batch.RoomId, chat, cancellationToken);
    }

    /// <summary>Prices and availability differ by region: render once per region this node has viewers in.</summary>
    private async Task SendPerRegionAsync(string roomId, RoomEvent e, CancellationToken cancellationToken)
    {
        var room = rooms.Find(roomId);
        if (room is null)
        {
            return;
        }

        var snapshot = room.Replica.Room;
        var regions = e is GeoChanged geo ? room.Regions.Intersect(geo.Regions) : room.Regions;
        foreach (var region in regions)
        {
            var group = hub.Clients.Group(RoomGroups.Region(roomId, region));
            switch (e)
            {
                case ProductPinned pinned:
                    await group.SendAsync(EventNames.ProductPinned,
                        new ProductPinnedPayload(roomId, RegionalProduct.For(pinned.Product, region, pinned.SalePrice)), cancellationToken);
                    break;
                case ShowcaseChanged showcase:
                    await group.SendAsync(EventNames.Showcase,
                        new ShowcasePayload(roomId, [.. showcase.Showcase.Select(p => RegionalProduct.For(p, region, snapshot?.SalePriceFor(p.Id)))]),
                        cancellationToken);
                    break;
                case GeoChanged when snapshot is not null:
                    await group.SendAsync(EventNames.Geo, GeoView.For(snapshot, region), cancellationToken);
                    break;
            }
        }
    }

    private static async Task SendChatAsync(IClientProxy group, string roomId, List<ChatMessage> chat, CancellationToken cancellationToken)
    {
        await ChatDelivery.SendAsync(group, roomId, chat, cancellationToken);
        chat.Clear();
    }

    private static (string? Name, object? Payload) Render(string roomId, RoomEvent e) => e switch
    {
        ChatRemoved r => (EventNames.ChatDeleted, new ChatDeletedPayload(roomId, r.MessageId)),
        ViewersChanged v => (EventNames.Viewers, new ViewersPayload(roomId, v.Count)),
        LikesChanged l => (EventNames.Likes, new LikesPayload(roomId, l.Total)),
        StatusChanged s => (EventNames.RoomStatus, new RoomStatusPayload(roomId, s.Room.Status)),
        SlowModeChanged m => (EventNames.SlowMode, new SlowModePayload(roomId, m.Seconds)),
        FlashSaleUpdated f => (EventNames.FlashSale, FlashSalePayload.From(f.Sale)),
        StockChanged s => (EventNames.Stock, new StockPayload(roomId, s.ProductId, s.Remaining)),
        Purchased p => (EventNames.Purchase, new PurchasePayload(roomId, p.ProductId, p.Quantity, p.MaskedBuyer)),
        _ => (null, null),
    };
}

using Broadcart.Api.Commerce;
using Broadcart.Api.Live;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Broadcart.Api.Relay;

/// <summary>
/// The one place room events become hub invocations. A run of chat becomes one <c>chat</c> or one
/// <c>chatBatch</c> (every invocation costs a write and a flush per connection); prices and
/// availability differ by region, so pins, the showcase and <c>geo</c> render once per region this
/// node has viewers in; a translation goes only to the viewers reading its language.
/// </summary>
public static class EventWire
{
    /// <param name="reads">Whether a viewer here reads a language: translations nobody here reads are not rendered.</param>
    public static List<WireMessage> Render(string roomId, IReadOnlyList<RoomEvent> events, RoomSnapshot? room, IEnumerable<string> regions, Func<string, bool>? reads = null)
    {
        var wire = new List<WireMessage>();
        var chat = new List<ChatMessage>();
        var translated = new List<ChatTranslated>();
        foreach (var e in events)
        {
            if (e is ChatPosted posted)
            {
                chat.Add(posted.Message);
                continue;
            }

            // A translation waits for the run of chat it sits in, so that it does not split one
            // chatBatch into two for every viewer: it still follows its original.
            if (e is ChatTranslated t)
            {
                if (reads is null || reads(t.Language))
                {
                    translated.Add(t);
                }

                continue;
            }

            AddChat(wire, roomId, chat, translated);
            if (e is ProductPinned or ShowcaseChanged or GeoChanged)
            {
                AddPerRegion(wire, roomId, e, room, regions);
            }
            else if (Render(roomId, e) is ({ } name, var payload))
            {
                wire.Add(new WireMessage(Invocation(name, payload)));
            }
        }

        AddChat(wire, roomId, chat, translated);
        return wire;
    }

    public static SerializedHubMessage Invocation(string name, object? payload) =>
        new(new InvocationMessage(name, [payload]));

    private static void AddChat(List<WireMessage> wire, string roomId, List<ChatMessage> chat, List<ChatTranslated> translated)
    {
        switch (chat.Count)
        {
            case 0:
                break;
            case 1:
                wire.Add(new WireMessage(Invocation(EventNames.Chat, chat[0])));
                break;
            default:
                wire.Add(new WireMessage(Invocation(EventNames.ChatBatch, new ChatBatchPayload(roomId, [.. chat]))));
                break;
        }

        chat.Clear();
        foreach (var t in translated)
        {
            wire.Add(new WireMessage(Invocation(EventNames.ChatTranslated, new ChatTranslatedPayload(roomId, t.MessageId, t.Seq, t.Language, t.Text)), Language: t.Language));
        }

        translated.Clear();
    }

    private static void AddPerRegion(List<WireMessage> wire, string roomId, RoomEvent e, RoomSnapshot? room, IEnumerable<string> regions)
    {
        var targets = e is GeoChanged geo ? regions.Intersect(geo.Regions) : regions;
        foreach (var region in targets)
        {
            var (name, payload) = e switch
            {
                ProductPinned pinned => (EventNames.ProductPinned, (object?)new ProductPinnedPayload(roomId, RegionalProduct.For(pinned.Product, region, pinned.SalePrice))),
                ShowcaseChanged showcase => (EventNames.Showcase,
                    new ShowcasePayload(roomId, [.. showcase.Showcase.Select(p => RegionalProduct.For(p, region, room?.SalePriceFor(p.Id)))])),
                GeoChanged when room is not null => (EventNames.Geo, GeoView.For(room, region)),
                _ => (null, null),
            };
            if (name is not null)
            {
                wire.Add(new WireMessage(Invocation(name, payload), region));
            }
        }
    }

    private static (string? Name, object? Payload) Render(string roomId, RoomEvent e) => e switch
    {
        ChatRemoved r => (EventNames.ChatDeleted, new ChatDeletedPayload(roomId, r.MessageId)),
        ViewersChanged v => (EventNames.Viewers, new ViewersPayload(roomId, v.Count)),
        LikesChanged l => (EventNames.Likes, new LikesPayload(roomId, l.Total)),
        StatusChanged s => (EventNames.RoomStatus, new RoomStatusPayload(roomId, s.Room.Status)),
        SlowModeChanged m => (EventNames.SlowMode, new SlowModePayload(roomId, m.Seconds)),
        FlashSaleChanged f => (EventNames.FlashSale, FlashSalePayload.From(f.Sale)),
        StockChanged s => (EventNames.Stock, new StockPayload(roomId, s.ProductId, s.Remaining)),
        Purchased p => (EventNames.Purchase, new PurchasePayload(roomId, p.ProductId, p.Quantity, p.MaskedBuyer)),
        AuctionChanged a => (EventNames.Auction, Auctions.AuctionPayload.From(a.Auction)),
        _ => (null, null),
    };
}

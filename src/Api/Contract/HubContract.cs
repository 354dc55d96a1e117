using Broadcart.Api.Commerce;
using Broadcart.Api.Live;
using Broadcart.Api.Orders;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Contract;

/// <summary>A hub method as clients call it: its arguments in order, and what it answers (null: nothing).</summary>
public sealed record HubMethodContract(string Name, string Summary, IReadOnlyList<HubArgument> Arguments, Type? Result, IReadOnlyList<string> Refusals);

public sealed record HubArgument(string Name, Type Type);

/// <summary>An event the server sends, and the payload it carries.</summary>
public sealed record HubEventContract(string Name, string Summary, Type Payload);

/// <summary>
/// The live hub's contract, written down once: the AsyncAPI document is made from it, and a test
/// holds it against the hub's methods and <see cref="EventNames"/>, so neither can change unseen.
/// </summary>
public static class HubContract
{
    private static HubArgument Room => new("roomId", typeof(string));

    private static readonly string[] Common = ["validation_failed", "not_found", "rate_limited"];

    public static IReadOnlyList<HubMethodContract> Methods { get; } =
    [
        new("JoinRoom", "Join a room: answers the room as the caller's region sees it, with recent chat; events of the room follow", [Room], typeof(RoomView), Common),
        new("LeaveRoom", "Leave a room (disconnecting leaves every room)", [Room], null, Common),
        new("SendChat", "Post a chat message (1-500 characters) in a joined, live room", [Room, new("text", typeof(string))], typeof(ChatAck),
            [.. Common, "not_joined", "room_not_live", "muted", "slow_mode"]),
        new("SetLanguage", "The BCP 47 language this connection reads chat in: chat in other languages also arrives as chatTranslated", [new("language", typeof(string))], null, ["validation_failed"]),
        new("Like", "Like the show", [Room], null, [.. Common, "not_joined", "room_not_live"]),
        new("MuteUser", "Mute a viewer in the room for 1..86400 seconds (owner or moderator)", [Room, new("userId", typeof(string)), new("seconds", typeof(int))], null, [.. Common, "forbidden"]),
        new("DeleteChat", "Delete one of the room's last 200 messages (owner or moderator)", [Room, new("messageId", typeof(string))], null, [.. Common, "forbidden"]),
        new("SetSlowMode", "Slow mode: 0 (off)..300 seconds between a user's messages (owner or moderator)", [Room, new("seconds", typeof(int))], null, [.. Common, "forbidden"]),
        new("ClickProduct", "A click on a product of the room's showcase", [Room, new("productId", typeof(string))], null, [.. Common, "not_joined"]),
        new("WatchMetrics", "The room's figures now, then metrics events while they change (streamer, merchant, admin)", [Room], typeof(MetricsReport), [.. Common, "forbidden"]),
        new("Purchase", "Order a product of the room: the same answer and refusals as POST /api/rooms/{roomId}/orders",
            [Room, new("productId", typeof(string)), new("quantity", typeof(int)), new("idempotencyKey", typeof(string))], typeof(OrderResponse),
            [.. Common, "room_not_live", "sold_out", "not_available_in_region", "limit_exceeded", "idempotency_mismatch"]),
        new("Bid", "A bid in the room's auction: leads when at least the current bid plus the increment (or the start price); answered once durable",
            [Room, new("auctionId", typeof(string)), new("amountMinor", typeof(long))], typeof(Auctions.BidAnswer),
            [.. Common, "not_joined", "bid_too_low", "auction_ended", "not_available_in_region"]),
        new("RefuseInvocation", "Where the server sends calls whose arguments it could not read: always validation_failed", [new("method", typeof(string)), new("reason", typeof(string))], null, ["validation_failed"]),
    ];

    public static IReadOnlyList<HubEventContract> Events { get; } =
    [
        new(EventNames.Chat, "A chat message", typeof(ChatMessage)),
        new(EventNames.ChatBatch, "Several chat messages at once, oldest first", typeof(ChatBatchPayload)),
        new(EventNames.ChatDeleted, "A message a moderator deleted", typeof(ChatDeletedPayload)),
        new(EventNames.ChatTranslated, "A chat message in this connection's language, after the original", typeof(ChatTranslatedPayload)),
        new(EventNames.Viewers, "The room's viewer count, at most about once a second", typeof(ViewersPayload)),
        new(EventNames.Likes, "The room's like total", typeof(LikesPayload)),
        new(EventNames.RoomStatus, "The room went live or ended", typeof(RoomStatusPayload)),
        new(EventNames.SlowMode, "Slow mode changed", typeof(SlowModePayload)),
        new(EventNames.ProductPinned, "The pinned product, priced for the viewer's region", typeof(ProductPinnedPayload)),
        new(EventNames.Showcase, "The showcase, priced for the viewer's region", typeof(ShowcasePayload)),
        new(EventNames.FlashSale, "A flash sale started, sold out or ended", typeof(FlashSalePayload)),
        new(EventNames.Stock, "Units left in the running sale, at most every 250 ms", typeof(StockPayload)),
        new(EventNames.Purchase, "Someone bought (buyer masked)", typeof(PurchasePayload)),
        new(EventNames.Geo, "What this region may see and buy of the stream", typeof(GeoView)),
        new(EventNames.Metrics, "The room's figures, to WatchMetrics callers", typeof(MetricsReport)),
        new(EventNames.Auction, "An auction opened, got a bid (coalesced) or closed (won or unsold, at once)", typeof(Auctions.AuctionPayload)),
    ];
}

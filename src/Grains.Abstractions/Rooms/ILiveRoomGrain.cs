using Broadcart.Grains.Common;
using Broadcart.Grains.Reach;
using Broadcart.Grains.Commerce;
using Orleans.Concurrency;

namespace Broadcart.Grains.Rooms;

/// <summary>A live room, keyed by room id. Refusals are <see cref="BroadcartException"/>s.</summary>
[Alias("Broadcart.ILiveRoomGrain")]
public interface ILiveRoomGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<RoomSnapshot> Create(CreateRoom command);

    [Alias("GetSnapshot")]
    Task<RoomSnapshot> GetSnapshot();

    [Alias("Start")]
    Task<RoomSnapshot> Start(Actor actor);

    [Alias("End")]
    Task<RoomSnapshot> End(Actor actor);

    [Alias("SendChat")]
    Task<ChatAck> SendChat(Actor actor, string text);

    [Alias("DeleteChat")]
    Task DeleteChat(Actor actor, string messageId);

    /// <summary>Translations of a message, from the translation worker: each goes to that language's viewers after the original.</summary>
    [OneWay, Alias("AddTranslations")]
    Task AddTranslations(string messageId, long seq, System.Collections.Immutable.ImmutableArray<Broadcart.Grains.Translation.ChatTranslation> translations);

    /// <summary>Returns when the mute ends.</summary>
    [Alias("MuteUser")]
    Task<DateTimeOffset> MuteUser(Actor actor, string userId, int seconds);

    [Alias("SetSlowMode")]
    Task SetSlowMode(Actor actor, int seconds);

    /// <summary>The streamer appoints a moderator of this room (idempotent).</summary>
    [Alias("AppointModerator")]
    Task<RoomSnapshot> AppointModerator(Actor actor, string userId);

    /// <summary>The streamer dismisses a moderator of this room (idempotent).</summary>
    [Alias("DismissModerator")]
    Task<RoomSnapshot> DismissModerator(Actor actor, string userId);

    /// <summary>
    /// Subscribes a node's relay (or renews it) and returns where the node's replica starts: the
    /// snapshot, recent chat and the position in the room's batch stream.
    /// </summary>
    /// <remarks>
    /// A call in flight when the room's silo dies gets no answer; Orleans' default 30 s timeout
    /// would hold the node's first joiners that long, so it gives up sooner and the node retries.
    /// </remarks>
    [Alias("Subscribe"), ResponseTimeout("00:00:10")]
    Task<RoomSync> Subscribe(NodeSubscription subscription);

    /// <summary>
    /// A subscribed node's counts and heartbeat. False when the room does not know the node (it was
    /// reactivated, or dropped the node for missed heartbeats): the node subscribes again.
    /// </summary>
    [Alias("Report"), ResponseTimeout("00:00:10")]
    Task<bool> Report(NodeReport report);

    /// <summary>The node's last local viewer left; joiners on that node wait for this, so it gives up as soon as the others.</summary>
    [Alias("Unsubscribe"), ResponseTimeout("00:00:10")]
    Task Unsubscribe(string nodeId);

    [Alias("AddToShowcase")]
    Task<RoomSnapshot> AddToShowcase(Actor actor, string productId);

    /// <summary>Pins a showcase product; pushes <c>productPinned</c> to every region group.</summary>
    [Alias("Pin")]
    Task<RoomSnapshot> Pin(Actor actor, string productId);

    [Alias("StartFlashSale")]
    Task<FlashSaleView> StartFlashSale(Actor actor, FlashSaleRequest request);

    /// <summary>Owner, room live, one auction at a time: opens an auction of one unit; pushes <c>auction</c>.</summary>
    [Alias("OpenAuction")]
    Task<Broadcart.Grains.Auctions.AuctionView> OpenAuction(Actor actor, Broadcart.Grains.Auctions.AuctionRequest request);

    /// <summary>From the room's auction after each durable write: bids coalesced, the close sent at once.</summary>
    [OneWay, Alias("AuctionChanged")]
    Task OnAuctionChanged(Broadcart.Grains.Auctions.AuctionView auction);

    [Alias("GetCommerce")]
    Task<CommerceContext> GetCommerce(string productId, string region);

    /// <summary>Owner or the room's merchant: paid regions, exclusions, budget and bid.</summary>
    [Alias("SetReach")]
    Task<ReachView> SetReach(Actor actor, ReachSetting setting);

    /// <summary>Owner or the room's merchant: pause the paid reach (organic reach stays) or resume it.</summary>
    [Alias("SetReachPaused")]
    Task<ReachView> SetReachPaused(Actor actor, bool paused);

    /// <summary>From the room's reach when it changes by itself (the budget ran out).</summary>
    [OneWay, Alias("ReachChanged")]
    Task OnReachChanged(ReachView reach);

    /// <summary>From orders: feeds the purchase ticker. One-way so a busy room never slows a sale.</summary>
    [OneWay, Alias("RecordPurchase")]
    Task RecordPurchase(PurchaseNotice notice);

    /// <summary>
    /// From the room's flash sale after each durable write, with the purchases that write made
    /// durable: the one way the room learns of a sale's orders.
    /// </summary>
    [OneWay, Alias("FlashSaleChanged")]
    Task OnFlashSaleChanged(FlashSaleView sale, System.Collections.Immutable.ImmutableArray<PurchaseNotice> purchases);

    [Alias("GetDiagnostics")]
    Task<RoomDiagnostics> GetDiagnostics();
}

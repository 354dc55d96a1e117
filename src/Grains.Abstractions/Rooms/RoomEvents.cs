using System.Collections.Immutable;
using Broadcart.Grains.Products;
using Broadcart.Grains.Commerce;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// Events carry absolute values (totals, statuses) so that applying one twice, or after a fresh
/// snapshot, changes nothing: node replicas can resynchronise at any time.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RoomEvent")]
public abstract record RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.ChatPosted")]
public sealed record ChatPosted([property: Id(0)] ChatMessage Message) : RoomEvent;

/// <summary>A message in one more language; nodes send it only to their viewers of that language.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ChatTranslated")]
public sealed record ChatTranslated(
    [property: Id(0)] string MessageId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Language,
    [property: Id(3)] string Text) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.ChatRemoved")]
public sealed record ChatRemoved([property: Id(0)] string MessageId) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.LikesChanged")]
public sealed record LikesChanged([property: Id(0)] long Total) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.ViewersChanged")]
public sealed record ViewersChanged([property: Id(0)] int Count) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.StatusChanged")]
public sealed record StatusChanged([property: Id(0)] RoomSnapshot Room) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.SlowModeChanged")]
public sealed record SlowModeChanged([property: Id(0)] int Seconds) : RoomEvent;

/// <summary>For the nodes' replicas (who is exempt from the chat limit); viewers are not told.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ModeratorsChanged")]
public sealed record ModeratorsChanged([property: Id(0)] ImmutableArray<string> Moderators) : RoomEvent;

/// <summary>The pinned product with every regional price; nodes render it once per region group.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ProductPinned")]
public sealed record ProductPinned([property: Id(0)] ProductSnapshot Product, [property: Id(1)] Broadcart.Grains.Common.Money? SalePrice) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.ShowcaseChanged")]
public sealed record ShowcaseChanged([property: Id(0)] ImmutableArray<ProductSnapshot> Showcase) : RoomEvent;

// The alias keeps the record's first name: silos and nodes of two versions still understand each other.
[GenerateSerializer, Immutable, Alias("Broadcart.FlashSaleUpdated")]
public sealed record FlashSaleChanged([property: Id(0)] FlashSaleView Sale) : RoomEvent;

/// <summary>An auction's state: coalesced by auction while it is open; won or unsold is sent at once.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.AuctionChanged")]
public sealed record AuctionChanged([property: Id(0)] Broadcart.Grains.Auctions.AuctionView Auction) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.StockChanged")]
public sealed record StockChanged([property: Id(0)] string ProductId, [property: Id(1)] int Remaining) : RoomEvent;

[GenerateSerializer, Immutable, Alias("Broadcart.Purchased")]
public sealed record Purchased(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] string MaskedBuyer) : RoomEvent;

/// <summary>Regions whose reach changed; nodes send <c>geo</c> to exactly those region groups.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.GeoChanged")]
public sealed record GeoChanged([property: Id(0)] ImmutableArray<string> Regions, [property: Id(1)] Broadcart.Grains.Reach.ReachView? Reach) : RoomEvent;

/// <summary>One flush of a room's outbox, sent once to every subscribed node.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RoomEventBatch")]
public sealed record RoomEventBatch(
    [property: Id(0)] string RoomId,
    [property: Id(1)] Guid Epoch,
    [property: Id(2)] long BatchSeq,
    [property: Id(3)] ImmutableArray<RoomEvent> Events);

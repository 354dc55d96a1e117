namespace Broadcart.Client.Wire;

/// <summary>A product's price in one region.</summary>
public sealed record RegionPrice(string Region, string Currency, long AmountMinor);

/// <summary>A merchant's product as <c>POST</c> and <c>GET /api/products</c> answer it.</summary>
public sealed record Product(
    string Id, string MerchantId, string Title, string? Description, string? ImageUrl, IReadOnlyList<RegionPrice> Prices,
    IReadOnlyList<string> ShipsTo, int Stock, DateTimeOffset CreatedAt, bool RestockOnRefund);

/// <summary>One room of <c>GET /api/feed</c>; <see cref="Paid"/> when a merchant's reach placed it.</summary>
public sealed record FeedRoom(string RoomId, string Title, string StreamerName, string HomeRegion, int ViewerCount, bool Paid);

/// <summary><c>GET /api/feed</c>: the rooms live for a region, best first.</summary>
public sealed record Feed(string Region, IReadOnlyList<FeedRoom> Rooms);

namespace Broadcart.Testing;

/// <summary>
/// "A room with a product", made through the public REST API as a streamer and a merchant make
/// it: the one way every test and benchmark scenario sets up a shop. Each call asserts that every
/// step succeeded; without a token, a fresh user signs in with a dev token.
/// </summary>
public static class ShopSetup
{
    /// <summary>Priced in three regions and currencies, so that region-specific payloads have something to differ by.</summary>
    public static readonly IReadOnlyList<Price> ThreeRegions =
    [
        new("US", "USD", 2500),
        new("DE", "EUR", 2300),
        new("JP", "JPY", 3800),
    ];

    /// <summary>A merchant's product in a live room of a fresh streamer, shown as <paramref name="placement"/> says.</summary>
    public static async Task<Shop> ShopAsync(
        this NodeClient node, int stock, ProductPlacement placement = ProductPlacement.Pinned, string title = "Silk scarf", IReadOnlyList<Price>? prices = null)
    {
        var merchantToken = await node.TokenAsync(Fresh("merchant"), "merchant");
        var productId = await node.ProductAsync(merchantToken, stock, title, prices);
        var room = await node.LiveRoomAsync();
        await node.PlaceAsync(room, productId, placement);
        return new Shop(room.RoomId, productId, room.StreamerToken, merchantToken);
    }

    /// <summary>A room made by a streamer and, unless <paramref name="start"/> is false, taken live.</summary>
    public static async Task<LiveRoom> LiveRoomAsync(
        this NodeClient node, string title = "Test room", string? homeRegion = null, string? merchantId = null, string? streamerToken = null, bool start = true)
    {
        streamerToken ??= await node.TokenAsync(Fresh("streamer"), "streamer");
        var room = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/rooms", streamerToken, new { title, homeRegion, merchantId }));
        var roomId = room.GetProperty("id").GetString()!;
        if (start)
        {
            await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/start", streamerToken));
        }

        return new LiveRoom(roomId, streamerToken);
    }

    /// <summary>A product that ships to every region it is priced in; <see cref="ThreeRegions"/> unless told.</summary>
    public static async Task<string> ProductAsync(
        this NodeClient node, string merchantToken, int stock, string title = "Silk scarf", IReadOnlyList<Price>? prices = null)
    {
        prices ??= ThreeRegions;
        var product = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/products", merchantToken, new
        {
            title,
            stock,
            prices,
            shipsTo = prices.Select(p => p.Region).ToArray(),
        }));
        return product.GetProperty("id").GetString()!;
    }

    /// <summary>Puts a product in a room's showcase and, for <see cref="ProductPlacement.Pinned"/>, pins it.</summary>
    public static async Task PlaceAsync(this NodeClient node, LiveRoom room, string productId, ProductPlacement placement)
    {
        if (placement is ProductPlacement.Showcase or ProductPlacement.Pinned)
        {
            await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/showcase", room.StreamerToken, new { productId }));
        }

        if (placement is ProductPlacement.Pinned)
        {
            await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/pin", room.StreamerToken, new { productId }));
        }
    }

    private static string Fresh(string role) => $"{role}-{Guid.NewGuid().ToString("N")[..8]}";
}

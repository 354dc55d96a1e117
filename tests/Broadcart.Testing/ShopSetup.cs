using Broadcart.Client.Rest;
using Broadcart.Client.Wire;

namespace Broadcart.Testing;

/// <summary>
/// "A room with a product", made through the public REST API as a streamer and a merchant make
/// it, with the .NET client SDK: the one way every test and benchmark scenario sets up a shop. A
/// step that fails throws the SDK's coded exception; without a token, a fresh user signs in with a
/// dev token.
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
        var api = node.Api(streamerToken);
        var room = await api.CreateRoomAsync(new NewRoom(title, HomeRegion: homeRegion, MerchantId: merchantId));
        if (start)
        {
            await api.StartRoomAsync(room.RoomId);
        }

        return new LiveRoom(room.RoomId, streamerToken);
    }

    /// <summary>A product that ships to every region it is priced in; <see cref="ThreeRegions"/> unless told.</summary>
    public static async Task<string> ProductAsync(
        this NodeClient node, string merchantToken, int stock, string title = "Silk scarf", IReadOnlyList<Price>? prices = null)
    {
        prices ??= ThreeRegions;
        var product = await node.Api(merchantToken).CreateProductAsync(new NewProduct(
            title, stock, [.. prices.Select(p => new RegionPrice(p.Region, p.Currency, p.AmountMinor))], [.. prices.Select(p => p.Region)]));
        return product.Id;
    }

    /// <summary>Puts a product in a room's showcase and, for <see cref="ProductPlacement.Pinned"/>, pins it.</summary>
    public static async Task PlaceAsync(this NodeClient node, LiveRoom room, string productId, ProductPlacement placement)
    {
        var api = node.Api(room.StreamerToken);
        if (placement is ProductPlacement.Showcase or ProductPlacement.Pinned)
        {
            await api.AddToShowcaseAsync(room.RoomId, productId);
        }

        if (placement is ProductPlacement.Pinned)
        {
            await api.PinAsync(room.RoomId, productId);
        }
    }

    private static string Fresh(string role) => $"{role}-{Guid.NewGuid().ToString("N")[..8]}";
}

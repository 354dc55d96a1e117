using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Commerce;

/// <summary>A live room selling one product, priced in the US and Germany, shipping to both.</summary>
internal sealed record Shop(ILiveRoomGrain Room, string RoomId, string ProductId, Actor Streamer)
{
    public static async Task<Shop> OpenAsync(IGrainFactory grains, int stock)
    {
        var streamer = Actors.Viewer("streamer-" + Guid.NewGuid().ToString("N")[..6]);
        var productId = "p" + Guid.NewGuid().ToString("N")[..12];
        await grains.GetGrain<IProductGrain>(productId).Create(new CreateProduct(
            "merchant-1", "Jade bracelet", "", null, stock,
            [new RegionPrice("US", "USD", 1999), new RegionPrice("DE", "EUR", 1899)],
            ImmutableArray.Create("US", "DE")));
        var roomId = Actors.NewRoomId();
        var room = grains.GetGrain<ILiveRoomGrain>(roomId);
        await room.Create(new CreateRoom("Shop", "en", "US", "merchant-1", streamer));
        await room.Start(streamer);
        await room.AddToShowcase(streamer, productId);
        return new Shop(room, roomId, productId, streamer);
    }

    public static Actor Buyer(string id, string region = "US") => new(id, $"Buyer {id}", region, false, false);
}

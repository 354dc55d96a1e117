using Broadcart.Grains.Products;

namespace Broadcart.Grains.Auctions;

/// <summary>From the room: the request, the auction's ids and the product as the room shows it.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.OpenAuction")]
public sealed record OpenAuction(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] AuctionRequest Request,
    [property: Id(3)] ProductSnapshot Product);

using Broadcart.Grains.Products;
using Broadcart.Grains.Commerce;

namespace Broadcart.Grains.Rooms;

/// <summary>What an order needs to know from the room about one product.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.CommerceContext")]
public sealed record CommerceContext(
    [property: Id(0)] RoomStatus Status,
    [property: Id(1)] ProductSnapshot? Product,
    [property: Id(2)] FlashSaleView? OpenSale,
    [property: Id(3)] bool RegionExcluded);

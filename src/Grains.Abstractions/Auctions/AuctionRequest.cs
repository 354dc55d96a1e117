using Broadcart.Grains.Common;

namespace Broadcart.Grains.Auctions;

/// <summary>What the streamer asks for: one unit of a product, auctioned now.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.AuctionRequest")]
public sealed record AuctionRequest(
    [property: Id(0)] string ProductId,
    [property: Id(1)] Money StartPrice,
    [property: Id(2)] Money Increment,
    [property: Id(3)] int DurationSeconds,
    [property: Id(4)] int AntiSnipeSeconds = AuctionRequest.DefaultAntiSnipeSeconds,
    [property: Id(5)] int ExtendSeconds = AuctionRequest.DefaultExtendSeconds)
{
    public const int DefaultAntiSnipeSeconds = 10;
    public const int DefaultExtendSeconds = 10;
}

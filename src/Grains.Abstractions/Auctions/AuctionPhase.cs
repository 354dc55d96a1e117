namespace Broadcart.Grains.Auctions;

[GenerateSerializer, Alias("Broadcart.AuctionPhase")]
public enum AuctionPhase
{
    Open = 0,
    Won = 1,
    Unsold = 2,
}

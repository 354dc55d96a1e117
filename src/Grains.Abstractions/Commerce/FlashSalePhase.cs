namespace Broadcart.Grains.Commerce;

[GenerateSerializer, Alias("Broadcart.FlashSalePhase")]
public enum FlashSalePhase
{
    Started = 0,
    SoldOut = 1,
    Ended = 2,
}

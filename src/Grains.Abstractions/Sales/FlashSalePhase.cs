namespace Broadcart.Grains.Sales;

[GenerateSerializer, Alias("Broadcart.FlashSalePhase")]
public enum FlashSalePhase
{
    Started = 0,
    SoldOut = 1,
    Ended = 2,
}

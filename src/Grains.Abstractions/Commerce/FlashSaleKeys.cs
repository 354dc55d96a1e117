namespace Broadcart.Grains.Commerce;

public static class FlashSaleKeys
{
    public static string Key(string roomId, string saleId) => $"{roomId}/{saleId}";
}

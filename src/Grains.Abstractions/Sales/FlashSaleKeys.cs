namespace Broadcart.Grains.Sales;

public static class FlashSaleKeys
{
    public static string Key(string roomId, string saleId) => $"{roomId}/{saleId}";
}

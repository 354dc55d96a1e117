namespace Broadcart.Grains.Orders;

public static class BuyerNames
{
    /// <summary>"Terry" → "T***y": enough for a ticker to feel alive, not enough to identify anyone.</summary>
    public static string Mask(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length switch
        {
            0 => "***",
            1 or 2 => trimmed[0] + "***",
            _ => $"{trimmed[0]}***{trimmed[^1]}",
        };
    }
}

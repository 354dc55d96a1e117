namespace Broadcart.Grains.Orders;

/// <summary>Where an order was placed: during the show, or from its replay after it ended.</summary>
public static class OrderSources
{
    public const string Live = "live";
    public const string Replay = "replay";
}

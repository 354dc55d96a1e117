namespace Broadcart.Grains.Auctions;

public static class AuctionKeys
{
    public static string Key(string roomId, string auctionId) => $"{roomId}/{auctionId}";

    /// <summary>The winner's order key: one auction, one order, wherever the close is retried from.</summary>
    public static string WinnerIdempotencyKey(string auctionId) => "auction:" + auctionId;
}

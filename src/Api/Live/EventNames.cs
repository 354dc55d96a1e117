namespace Broadcart.Api.Live;

/// <summary>Server-to-client event names: a promise to clients, never renamed.</summary>
public static class EventNames
{
    public const string Chat = "chat";
    public const string ChatBatch = "chatBatch";
    public const string ChatDeleted = "chatDeleted";
    public const string ChatTranslated = "chatTranslated";
    public const string Viewers = "viewers";
    public const string Likes = "likes";
    public const string RoomStatus = "roomStatus";
    public const string SlowMode = "slowMode";
    public const string ProductPinned = "productPinned";
    public const string Showcase = "showcase";
    public const string FlashSale = "flashSale";
    public const string Stock = "stock";
    public const string Purchase = "purchase";
    public const string Geo = "geo";
    public const string Metrics = "metrics";
    public const string Auction = "auction";
}

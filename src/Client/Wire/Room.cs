namespace Broadcart.Client.Wire;

/// <summary><c>JoinRoom</c>'s answer: the room as the caller's region sees it, with its recent chat.</summary>
public sealed record Room(
    string RoomId, string Title, string Language, string Status, string StreamerId, string StreamerName, string? MerchantId,
    string HomeRegion, string? CoverUrl, int ViewerCount, long Likes, int SlowModeSeconds, long ChatSeq, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, RegionalProduct? Pinned, IReadOnlyList<RegionalProduct> Showcase, FlashSale? FlashSale)
{
    public IReadOnlyList<string> Moderators { get; init; } = [];

    /// <summary>The room's open or last auction.</summary>
    public Auction? Auction { get; init; }

    public IReadOnlyList<ChatMessage> RecentChat { get; init; } = [];

    public GeoSetting? Geo { get; init; }
}

/// <summary><c>SendChat</c>'s answer.</summary>
public sealed record ChatAck(string MessageId, long Seq);

namespace Broadcart.Grains.Archive;

/// <summary>One line of a room's NDJSON archive: chat and commerce events as they happened.</summary>
public sealed record ArchivedEvent(
    string Type,
    DateTimeOffset At,
    long? Seq = null,
    string? MessageId = null,
    string? UserId = null,
    string? Name = null,
    string? Text = null,
    string? ProductId = null,
    int? Quantity = null,
    string? Detail = null)
{
    public const string Chat = "chat";
    public const string ChatDeleted = "chatDeleted";
    public const string Status = "roomStatus";
    public const string Purchase = "purchase";
    public const string FlashSale = "flashSale";
    public const string Mute = "mute";
    public const string Moderators = "moderators";

    /// <summary>A pin: <see cref="ProductId"/> and its title in <see cref="Text"/>.</summary>
    public const string Pin = "productPinned";

    /// <summary>The showcase as it became: its product ids in order, space-separated, in <see cref="Detail"/>.</summary>
    public const string Showcase = "showcase";
}

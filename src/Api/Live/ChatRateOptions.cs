namespace Broadcart.Api.Live;

/// <summary>The <c>Chat</c> configuration section: the per-user chat limit enforced at the node.</summary>
public sealed class ChatRateOptions
{
    public int MessagesPerWindow { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);
}

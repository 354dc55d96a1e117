namespace Broadcart.Grains.Rooms;

/// <summary>
/// The <c>Chat</c> configuration section, read by API nodes and silos alike: how many messages
/// one user may send per window. The room holds it across nodes; each node also holds it across
/// its rooms, so a flood is refused before it costs a grain call.
/// </summary>
public sealed class ChatRateOptions
{
    public int MessagesPerWindow { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);
}

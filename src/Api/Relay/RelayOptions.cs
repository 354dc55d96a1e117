namespace Broadcart.Api.Relay;

/// <summary>The <c>Relay</c> configuration section: how this node talks to rooms.</summary>
public sealed class RelayOptions
{
    /// <summary>Every room with local viewers hears from this node at least this often.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often changed viewer counts and counted likes are sent to their rooms.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

namespace Broadcart.Api.Relay;

/// <summary>The <c>Relay</c> configuration section: how this node talks to rooms and to its viewers' sockets.</summary>
public sealed class RelayOptions
{
    /// <summary>Every room with local viewers hears from this node at least this often.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often changed viewer counts and counted likes are sent to their rooms.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a room's sender waits for sockets that did not take a send at once before it moves
    /// on; events that arrive meanwhile go out together in the next send.
    /// </summary>
    public TimeSpan SendWait { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The least time between two sends of one room to this node's viewers. An event after a quiet
    /// spell goes out at once; under load, events share a send (one write per viewer), which is
    /// what lets a room's fan-out grow with its chat rate. Zero sends every batch on its own.
    /// </summary>
    public TimeSpan MinSendInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A connection whose writes have waited this long for its socket is closed; on rejoin it fills its gap by <c>seq</c>.</summary>
    public TimeSpan SlowViewerTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

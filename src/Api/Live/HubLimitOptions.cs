namespace Broadcart.Api.Live;

/// <summary>The <c>Hub</c> configuration section: what one connection and one user may cost a node.</summary>
public sealed class HubLimitOptions
{
    /// <summary>
    /// The largest message a client may send, in bytes. A bigger one closes the connection: SignalR
    /// cannot answer a frame it refused to read. The longest valid invocation (a 500-character chat
    /// in four-byte characters) is well under it.
    /// </summary>
    public long MaximumReceiveMessageSize { get; set; } = 32 * 1024;

    /// <summary>Invocations a connection may make per second, sustained.</summary>
    public int InvocationsPerSecond { get; set; } = 20;

    /// <summary>Invocations a connection may make at once after being quiet (a join, chat and a purchase together).</summary>
    public int InvocationBurst { get; set; } = 40;

    /// <summary>Connections one user may hold open on one node (tabs, devices; not a bot farm).</summary>
    public int MaxConnectionsPerUser { get; set; } = 10;
}

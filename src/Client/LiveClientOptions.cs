namespace Broadcart.Client;

public enum HubWireProtocol
{
    Json,
    MessagePack,
}

/// <summary>Where the hub is and how to reach it.</summary>
public sealed class LiveClientOptions
{
    /// <summary>The hub, e.g. <c>https://live.example.com/hubs/live</c>.</summary>
    public required Uri HubUrl { get; init; }

    /// <summary>The viewer's access token, asked for at every (re)connect so that a refreshed token is used.</summary>
    public required Func<Task<string?>> AccessToken { get; init; }

    public HubWireProtocol Protocol { get; init; } = HubWireProtocol.Json;

    /// <summary>Waits between reconnect attempts; after the last one the client stays disconnected (<see cref="BroadcartLiveClient.Closed"/>).</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; init; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>WebSockets only, without the negotiate round trip (what Broadcart's nodes serve); off for proxies that need negotiation.</summary>
    public bool SkipNegotiation { get; init; } = true;
}

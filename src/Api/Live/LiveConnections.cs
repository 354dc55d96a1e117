using System.Collections.Concurrent;
using Broadcart.Api.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Live;

/// <summary>
/// SignalR's own connection manager for <see cref="LiveHub"/>, which also keeps a
/// <see cref="LiveViewer"/> per connection: the hub reads the compact actor from it instead of the
/// claims, and the node's per-room senders write to it directly, so that they can tell which socket
/// is behind. (The validated principal itself cannot be dropped: ASP.NET Core's authentication
/// middleware holds its result for as long as the connection's request lasts.)
/// </summary>
public sealed class LiveConnections(ILogger<DefaultHubLifetimeManager<LiveHub>> log, ViewerRegion regions)
    : DefaultHubLifetimeManager<LiveHub>(log)
{
    private readonly ConcurrentDictionary<string, LiveViewer> _viewers = new(StringComparer.Ordinal);

    public IEnumerable<LiveViewer> All => _viewers.Values;

    public LiveViewer? Find(string connectionId) => _viewers.GetValueOrDefault(connectionId);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        var actor = connection.User.ToActor(regions.Resolve(connection.GetHttpContext(), connection.User));
        _viewers[connection.ConnectionId] = new LiveViewer(connection, actor);
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _viewers.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Broadcart.Api.Identity;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Live;

/// <summary>
/// SignalR's own connection manager for <see cref="LiveHub"/>, which also keeps a
/// <see cref="LiveViewer"/> per connection: the node's per-room senders write to those directly,
/// so that they can tell which socket is behind. On connect the validated token's principal is
/// swapped for one holding only the claims the hub uses, and the long-lived request's trace span
/// is ended: a viewer may stay connected for hours.
/// </summary>
public sealed class LiveConnections(ILogger<DefaultHubLifetimeManager<LiveHub>> log, ViewerRegion regions)
    : DefaultHubLifetimeManager<LiveHub>(log)
{
    private readonly ConcurrentDictionary<string, LiveViewer> _viewers = new(StringComparer.Ordinal);

    public IEnumerable<LiveViewer> All => _viewers.Values;

    public LiveViewer? Find(string connectionId) => _viewers.GetValueOrDefault(connectionId);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        var http = connection.GetHttpContext();
        var compact = Compact(connection.User);
        if (connection.Features.Get<IConnectionUserFeature>() is { } user)
        {
            user.User = compact;
        }

        if (http is not null)
        {
            http.User = compact;
            if (Activity.Current is { } request && request == http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpActivityFeature>()?.Activity)
            {
                request.Stop();
                Activity.Current = null;
            }
        }

        var actor = compact.ToActor(regions.Resolve(http, compact));
        _viewers[connection.ConnectionId] = new LiveViewer(connection, actor);
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _viewers.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }

    private static ClaimsPrincipal Compact(ClaimsPrincipal user)
    {
        var kept = user.Claims
            .Where(c => c.Type is ClaimNames.Subject or ClaimNames.Name or ClaimNames.Role or ClaimNames.Region)
            .Select(c => new Claim(c.Type, c.Value));
        return new ClaimsPrincipal(new ClaimsIdentity(kept, user.Identity?.AuthenticationType ?? "Bearer", ClaimNames.Name, ClaimNames.Role));
    }
}

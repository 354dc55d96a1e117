using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Live;

/// <summary>
/// Connections per user and invocations per connection, on this node. The token buckets live in
/// one partitioned limiter, so ten thousand idle viewers share its one replenishing timer instead
/// of holding one each, and a quiet connection's bucket is dropped until it speaks again.
/// </summary>
public sealed class HubLimitFilter : IHubFilter, IDisposable
{
    private readonly HubLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _invocations;
    private readonly ConcurrentDictionary<string, int> _connectionsPerUser = new(StringComparer.Ordinal);

    public HubLimitFilter(IOptions<HubLimitOptions> options)
    {
        _options = options.Value;
        _invocations = PartitionedRateLimiter.Create<string, string>(connectionId => RateLimitPartition.GetTokenBucketLimiter(
            connectionId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = _options.InvocationBurst,
                TokensPerPeriod = _options.InvocationsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var userId = context.Context.User!.UserId();
        var held = _connectionsPerUser.AddOrUpdate(userId, 1, (_, n) => n + 1);
        if (held > _options.MaxConnectionsPerUser)
        {
            Release(userId);

            // Thrown before the hub accepts the connection: the client's start fails with this
            // message, and OnDisconnectedAsync is not called for it.
            throw new HubException($"{ErrorCodes.RateLimited}: at most {_options.MaxConnectionsPerUser} connections per user on one server");
        }

        try
        {
            await next(context);
        }
        catch
        {
            Release(userId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Release(context.Context.User!.UserId());
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var lease = _invocations.AttemptAcquire(context.Context.ConnectionId);
        if (!lease.IsAcquired)
        {
            throw new BroadcartException(ErrorCodes.RateLimited,
                $"too many calls on this connection: at most {_options.InvocationsPerSecond} a second");
        }

        return await next(context);
    }

    private void Release(string userId)
    {
        // Removing only at zero keeps the map as small as the set of connected users.
        if (_connectionsPerUser.AddOrUpdate(userId, 0, (_, n) => n - 1) <= 0)
        {
            _connectionsPerUser.TryRemove(KeyValuePair.Create(userId, 0));
        }
    }

    public void Dispose() => _invocations.Dispose();
}

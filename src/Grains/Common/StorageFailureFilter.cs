using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Broadcart.Grains.Common;

/// <summary>
/// Turns "the storage behind this grain is unreachable" (Azure Blob, Redis, the network) into one
/// coded refusal, <c>storage_unavailable</c>, so callers get a clear 503 instead of an internal
/// error. Conflicts (<c>InconsistentStateException</c>) are not outages and pass through.
/// </summary>
public sealed class StorageFailureFilter(ILogger<StorageFailureFilter> log) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            log.LogWarning(ex, "Storage unavailable during {Method} on {Grain}", context.InterfaceMethod?.Name, context.TargetId);
            throw OutageRefusal();
        }
    }

    /// <summary>The refusal every surface gives for an outage (the sale log's own writes too).</summary>
    public static BroadcartException OutageRefusal() =>
        new(ErrorCodes.StorageUnavailable, "storage is unavailable right now; try again shortly");

    public static bool IsOutage(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BroadcartException:
                    return false;
                case RequestFailedException { Status: 0 or >= 500 }:
                case RedisException:
                case SocketException:
                case HttpRequestException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsOutage):
                    return true;

                // Orleans flattens a provider's failure while activating a grain into its message,
                // and the Redis reminder provider wraps the connection error in its own type.
                case OrleansException when e.Message.StartsWith("Error from storage provider", StringComparison.Ordinal):
                    return true;
            }

            if (e.GetType().Namespace?.StartsWith("Orleans.Reminders.Redis", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }
}

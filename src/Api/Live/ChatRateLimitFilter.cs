using System.Threading.RateLimiting;
using Broadcart.Api.Identity;
using Broadcart.Api.Relay;
using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Live;

/// <summary>
/// Per-user chat limit (default 5 messages per 5 seconds) across this node's rooms, so that a
/// flood is refused before it costs a grain call; the room grain holds the same limit across
/// nodes. The room's streamer, moderators and admins are exempt; text the hub will refuse anyway
/// costs nothing.
/// </summary>
public sealed class ChatRateLimitFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ChatRateOptions _options;
    private readonly NodeRooms _rooms;

    public ChatRateLimitFilter(IOptions<ChatRateOptions> options, NodeRooms rooms)
    {
        _options = options.Value;
        _rooms = rooms;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetSlidingWindowLimiter(
            user,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = _options.MessagesPerWindow,
                Window = _options.Window,
                SegmentsPerWindow = 5,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // Malformed messages are refused by the hub without costing the sender a permit.
        if (context.HubMethodName == nameof(LiveHub.SendChat)
            && context.HubMethodArguments is [string, string text]
            && ChatText.IsValid(text)
            && !IsExempt(context))
        {
            using var lease = _limiter.AttemptAcquire(context.Context.User!.UserId());
            if (!lease.IsAcquired)
            {
                throw new BroadcartException(ErrorCodes.RateLimited,
                    $"you are sending messages too fast: at most {_options.MessagesPerWindow} every {_options.Window.TotalSeconds:0} seconds");
            }
        }

        return await next(context);
    }

    private bool IsExempt(HubInvocationContext context)
    {
        var user = context.Context.User!;
        if (user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin))
        {
            return true;
        }

        return context.HubMethodArguments is [string roomId, ..]
            && _rooms.Find(roomId)?.Replica.Room is { } room
            && (room.StreamerId == user.UserId() || room.Moderators.Contains(user.UserId()));
    }

    public void Dispose() => _limiter.Dispose();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Bench.BareHub;

/// <summary>What a chat room is without Orleans: a group per room, one send per message.</summary>
public class BareHub : Hub
{
    private static long _seq;

    public async Task<object> JoinRoom(string roomId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "room:" + roomId);
        return new { roomId };
    }

    public async Task<object> SendChat(string roomId, string text)
    {
        var seq = Interlocked.Increment(ref _seq);
        var message = new
        {
            roomId,
            messageId = Guid.NewGuid().ToString("N"),
            seq,
            userId = Context.UserIdentifier ?? Context.ConnectionId,
            name = "bench",
            text,
            sentAt = DateTimeOffset.UtcNow,
        };
        await Clients.Group("room:" + roomId).SendAsync("chat", message);
        return new { message.messageId, seq };
    }
}

/// <summary>The fair baseline: the same hub behind the same JwtBearer validation as Broadcart's, checked on connect and on every invocation.</summary>
[Authorize]
public sealed class AuthorizedBareHub : BareHub;

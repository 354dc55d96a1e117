using Broadcart.Api.Live;
using Broadcart.Grains.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Relay;

/// <summary>
/// Chat to a room's group: one message as <c>chat</c>, several as one <c>chatBatch</c>, because
/// every invocation costs a write and a flush per connection.
/// </summary>
public static class ChatDelivery
{
    public static Task SendAsync(IClientProxy group, string roomId, IReadOnlyList<ChatMessage> chat, CancellationToken cancellationToken) => chat.Count switch
    {
        0 => Task.CompletedTask,
        1 => group.SendAsync(EventNames.Chat, chat[0], cancellationToken),
        _ => group.SendAsync(EventNames.ChatBatch, new ChatBatchPayload(roomId, [.. chat]), cancellationToken),
    };
}

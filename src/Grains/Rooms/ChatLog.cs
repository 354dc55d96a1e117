using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The room's chat numbering and its recent messages. It is the only writer of
/// <see cref="LiveRoomState.ChatSeq"/> and <see cref="LiveRoomState.RecentChat"/>.
/// </summary>
internal sealed class ChatLog(LiveRoomState room, int kept)
{
    public long LastSeq => room.ChatSeq;

    /// <summary>
    /// After an unclean stop the last numbers handed out may not have been written; skipping
    /// forward means no number is ever handed out twice.
    /// </summary>
    public void SkipAfterUncleanStop(long skip) => room.ChatSeq += skip;

    public ChatMessage Append(string roomId, Actor author, string text, DateTimeOffset at)
    {
        var message = new ChatMessage(roomId, Guid.CreateVersion7().ToString("N"), ++room.ChatSeq, author.UserId, author.Name, text, at);
        room.RecentChat.Add(message);
        if (room.RecentChat.Count > kept)
        {
            room.RecentChat.RemoveRange(0, room.RecentChat.Count - kept);
        }

        return message;
    }

    public ChatMessage Remove(string messageId)
    {
        var index = room.RecentChat.FindIndex(m => m.MessageId == messageId);
        if (index < 0)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"message {messageId} is not among the room's recent messages");
        }

        var removed = room.RecentChat[index];
        room.RecentChat.RemoveAt(index);
        return removed;
    }

    /// <summary>Whether a message is still among the recent ones (not deleted, not aged out).</summary>
    public bool Holds(string messageId) => room.RecentChat.Exists(m => m.MessageId == messageId);

    public ImmutableArray<ChatMessage> Latest(int count)
    {
        var recent = room.RecentChat;
        return recent.Count <= count ? [.. recent] : [.. recent.GetRange(recent.Count - count, count)];
    }
}

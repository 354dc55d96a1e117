using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// Mutes and slow mode. It is the only writer of <see cref="LiveRoomState.MutedUntil"/> and
/// <see cref="LiveRoomState.SlowModeSeconds"/>; when each user last chatted lives in memory only,
/// because slow mode is a courtesy that may reset with the activation.
/// </summary>
internal sealed class RoomModeration(LiveRoomState room, RoomOptions options)
{
    private readonly Dictionary<string, DateTimeOffset> _lastChatAt = new(StringComparer.Ordinal);

    public int SlowModeSeconds => room.SlowModeSeconds;

    public void EnsureMayChat(Actor actor, DateTimeOffset now)
    {
        if (room.MutedUntil.TryGetValue(actor.UserId, out var until) && until > now)
        {
            var left = (int)Math.Ceiling((until - now).TotalSeconds);
            throw new BroadcartException(ErrorCodes.Muted, $"you are muted for {left} more seconds");
        }

        if (room.SlowModeSeconds > 0 && !room.CanModerate(actor)
            && _lastChatAt.TryGetValue(actor.UserId, out var last)
            && last.AddSeconds(room.SlowModeSeconds) > now)
        {
            var left = (int)Math.Ceiling((last.AddSeconds(room.SlowModeSeconds) - now).TotalSeconds);
            throw new BroadcartException(ErrorCodes.SlowMode, $"slow mode is on: you can send again in {left} seconds");
        }
    }

    public void Chatted(string userId, DateTimeOffset at) => _lastChatAt[userId] = at;

    public DateTimeOffset Mute(string userId, int seconds, DateTimeOffset now)
    {
        if (seconds < 1 || seconds > options.MaxMuteSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"seconds must be between 1 and {options.MaxMuteSeconds}");
        }

        if (string.IsNullOrWhiteSpace(userId) || userId == room.StreamerId)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "the streamer cannot be muted in their own room");
        }

        if (room.Moderators.Contains(userId, StringComparer.Ordinal))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "a moderator of this room cannot be muted in it: dismiss them first");
        }

        var until = now.AddSeconds(seconds);
        room.MutedUntil[userId] = until;
        return until;
    }

    /// <summary>Makes a user a moderator of this room; false when they already are.</summary>
    public bool Appoint(string userId)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 64)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "userId must be 1 to 64 characters");
        }

        if (userId == room.StreamerId)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "the streamer already moderates their own room");
        }

        if (room.Moderators.Contains(userId, StringComparer.Ordinal))
        {
            return false;
        }

        if (room.Moderators.Count >= options.MaxModerators)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"a room has at most {options.MaxModerators} moderators");
        }

        room.Moderators.Add(userId);
        room.MutedUntil.Remove(userId);
        return true;
    }

    /// <summary>Takes a user's room moderation away; false when they had none.</summary>
    public bool Dismiss(string userId) => room.Moderators.Remove(userId);

    public void SetSlowMode(int seconds)
    {
        if (seconds < 0 || seconds > options.MaxSlowModeSeconds)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"seconds must be between 0 (off) and {options.MaxSlowModeSeconds}");
        }

        room.SlowModeSeconds = seconds;
    }

    /// <summary>Forgets mutes that ended and chat times slow mode no longer needs.</summary>
    public void Prune(DateTimeOffset now)
    {
        foreach (var (userId, until) in room.MutedUntil.ToArray())
        {
            if (until <= now)
            {
                room.MutedUntil.Remove(userId);
            }
        }

        var slow = TimeSpan.FromSeconds(Math.Max(room.SlowModeSeconds, 1));
        foreach (var (userId, at) in _lastChatAt.ToArray())
        {
            if (at + slow <= now)
            {
                _lastChatAt.Remove(userId);
            }
        }
    }

    internal int RememberedChatters => _lastChatAt.Count;
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Rooms;

public sealed class RoomModerationTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
    private readonly LiveRoomState _state = new() { Exists = true, StreamerId = "streamer" };
    private readonly RoomModeration _moderation;

    public RoomModerationTests() => _moderation = new RoomModeration(_state, new RoomOptions());

    [Fact]
    public void A_muted_viewer_is_refused_until_the_mute_ends()
    {
        var until = _moderation.Mute("u1", 30, At);

        Assert.Equal(At.AddSeconds(30), until);
        var refused = Assert.Throws<BroadcartException>(() => _moderation.EnsureMayChat(Actors.Viewer("u1"), At.AddSeconds(10)));
        Assert.Equal(ErrorCodes.Muted, refused.Code);
        Assert.Contains("20 more seconds", refused.Message);
        _moderation.EnsureMayChat(Actors.Viewer("u2"), At.AddSeconds(10));
        _moderation.EnsureMayChat(Actors.Viewer("u1"), At.AddSeconds(30));
    }

    [Fact]
    public void Bad_mutes_are_refused_and_change_nothing()
    {
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => _moderation.Mute("u1", 0, At)).Code);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => _moderation.Mute("u1", 86_401, At)).Code);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => _moderation.Mute("streamer", 10, At)).Code);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => _moderation.Mute(" ", 10, At)).Code);
        Assert.Empty(_state.MutedUntil);
    }

    [Fact]
    public void Slow_mode_spaces_a_viewers_messages_but_not_a_moderators()
    {
        _moderation.SetSlowMode(10);
        _moderation.Chatted("u1", At);
        _moderation.Chatted("mod", At);

        var refused = Assert.Throws<BroadcartException>(() => _moderation.EnsureMayChat(Actors.Viewer("u1"), At.AddSeconds(4)));
        Assert.Equal(ErrorCodes.SlowMode, refused.Code);
        Assert.Contains("6 seconds", refused.Message);
        _moderation.EnsureMayChat(Actors.Moderator("mod"), At.AddSeconds(4));
        _moderation.EnsureMayChat(Actors.Viewer("u1"), At.AddSeconds(10));
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => _moderation.SetSlowMode(301)).Code);
        Assert.Equal(10, _moderation.SlowModeSeconds);
    }

    [Fact]
    public void Pruning_forgets_ended_mutes_and_chat_times_slow_mode_no_longer_needs()
    {
        _moderation.SetSlowMode(5);
        _moderation.Mute("u1", 10, At);
        _moderation.Mute("u2", 60, At);
        _moderation.Chatted("u3", At);
        _moderation.Chatted("u4", At.AddSeconds(8));

        _moderation.Prune(At.AddSeconds(10));

        Assert.Equal(["u2"], _state.MutedUntil.Keys);
        Assert.Equal(1, _moderation.RememberedChatters);
    }

    [Fact]
    public void An_appointed_moderator_moderates_cannot_be_muted_and_is_dismissed_once()
    {
        _moderation.Mute("helper", 60, At);

        Assert.True(_moderation.Appoint("helper"));
        Assert.False(_moderation.Appoint("helper"));
        Assert.True(_state.CanModerate(Actors.Viewer("helper")));
        _moderation.EnsureMayChat(Actors.Viewer("helper"), At.AddSeconds(1));
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => _moderation.Mute("helper", 60, At)).Code);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => _moderation.Appoint("streamer")).Code);

        Assert.True(_moderation.Dismiss("helper"));
        Assert.False(_moderation.Dismiss("helper"));
        Assert.False(_state.CanModerate(Actors.Viewer("helper")));
    }

    [Fact]
    public void A_room_has_a_bounded_number_of_moderators()
    {
        var moderation = new RoomModeration(_state, new RoomOptions { MaxModerators = 2 });
        moderation.Appoint("m1");
        moderation.Appoint("m2");

        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<BroadcartException>(() => moderation.Appoint("m3")).Code);
        Assert.Equal(["m1", "m2"], _state.Moderators);
    }
}

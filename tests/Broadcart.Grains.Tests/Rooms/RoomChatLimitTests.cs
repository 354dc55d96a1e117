using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Rooms;

public sealed class RoomChatLimitTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
    private readonly RoomChatLimit _limit = new(new ChatRateOptions { MessagesPerWindow = 3, Window = TimeSpan.FromSeconds(5) });

    private void Chat(string userId, DateTimeOffset at)
    {
        _limit.EnsureMayChat(userId, at);
        _limit.Chatted(userId, at);
    }

    [Fact]
    public void The_message_past_the_limit_within_any_window_is_refused_also_across_a_window_edge()
    {
        // Astride a multiple of the window length, where a fixed or estimated window would let it through.
        Chat("u1", At.AddSeconds(4.9));
        Chat("u1", At.AddSeconds(4.95));
        Chat("u1", At.AddSeconds(5.01));

        var refused = Assert.Throws<BroadcartException>(() => _limit.EnsureMayChat("u1", At.AddSeconds(5.02)));
        Assert.Equal(ErrorCodes.RateLimited, refused.Code);
        Assert.Contains("at most 3 every 5 seconds", refused.Message);
        Chat("u2", At.AddSeconds(5.02));
    }

    [Fact]
    public void A_message_is_allowed_again_once_the_oldest_leaves_the_window()
    {
        Chat("u1", At);
        Chat("u1", At.AddSeconds(1));
        Chat("u1", At.AddSeconds(2));
        Assert.Throws<BroadcartException>(() => _limit.EnsureMayChat("u1", At.AddSeconds(4.99)));

        Chat("u1", At.AddSeconds(5));
        Assert.Throws<BroadcartException>(() => _limit.EnsureMayChat("u1", At.AddSeconds(5.5)));
        Chat("u1", At.AddSeconds(6));
    }

    [Fact]
    public void Pruning_forgets_chatters_with_nothing_left_in_the_window()
    {
        Chat("u1", At);
        Chat("u2", At.AddSeconds(3));

        _limit.Prune(At.AddSeconds(6));

        Assert.Equal(1, _limit.RememberedChatters);
    }
}

using System.Collections.Immutable;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadcart.Grains.Tests.Rooms;

public sealed class NodeSubscriptionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);
    private readonly NodeSubscriptions _nodes = new();

    private RecordingRelay Subscribe(string nodeId, int viewers, DateTimeOffset? at = null)
    {
        var relay = new RecordingRelay();
        _nodes.Subscribe(new NodeSubscription(nodeId, relay, viewers, Heartbeat), at ?? At);
        return relay;
    }

    [Fact]
    public void The_total_is_the_sum_of_the_nodes_and_is_published_only_when_it_moved()
    {
        Subscribe("a", 3);
        Subscribe("b", 4);

        Assert.Equal(7, _nodes.ViewerTotal());
        Assert.Equal(7, _nodes.TakeChange()!.Total);
        Assert.Null(_nodes.TakeChange());

        Assert.True(_nodes.Report(new NodeReport("a", 5, 0), At));
        Assert.True(_nodes.Report(new NodeReport("b", 2, 0), At));
        var unchanged = _nodes.TakeChange();
        Assert.NotNull(unchanged);
        Assert.Null(unchanged.Total);

        _nodes.Unsubscribe("a");
        Assert.Equal(2, _nodes.TakeChange()!.Total);
        Assert.Equal(1, _nodes.Count);
    }

    [Fact]
    public void A_node_the_room_forgot_is_told_so_and_its_counts_are_not_taken()
    {
        Assert.False(_nodes.Report(new NodeReport("ghost", 9, 0), At));
        Assert.Equal(0, _nodes.ViewerTotal());
        Assert.Null(_nodes.TakeChange());
    }

    [Fact]
    public void Nodes_silent_for_their_missed_heartbeats_are_dropped_with_their_viewers()
    {
        var quiet = Subscribe("quiet", 10, At);
        var chatty = Subscribe("chatty", 1, At);
        _nodes.TakeChange();
        _nodes.Report(new NodeReport("chatty", 1, 0), At.AddSeconds(14));

        var dropped = _nodes.DropSilent(At.AddSeconds(16), missedHeartbeats: 3);

        Assert.Equal([("quiet", At)], dropped);
        _nodes.Send(new RoomEventBatch("r1", Guid.NewGuid(), 1, [new LikesChanged(1)]), NullLogger.Instance);
        Assert.Single(chatty.Batches);
        Assert.Empty(quiet.Batches);
        Assert.Equal(1, _nodes.TakeChange()!.Total);
    }

    [Fact]
    public void Regions_are_summed_across_nodes_and_a_region_no_node_reports_goes_to_zero()
    {
        Subscribe("a", 3);
        Subscribe("b", 2);
        _nodes.Report(new NodeReport("a", 3, 0, ViewersByRegion: ImmutableDictionary<string, int>.Empty.Add("HK", 2).Add("US", 1)), At);
        _nodes.Report(new NodeReport("b", 2, 0, ViewersByRegion: ImmutableDictionary<string, int>.Empty.Add("HK", 2)), At);

        var first = _nodes.TakeChange()!;
        Assert.Equal(new Dictionary<string, int?> { ["HK"] = 4, ["US"] = 1 }, first.ByRegion.ToDictionary(d => d.Region, d => d.ViewersNow));

        _nodes.Unsubscribe("a");
        var second = _nodes.TakeChange()!;
        Assert.Equal(new Dictionary<string, int?> { ["HK"] = 2, ["US"] = 0 }, second.ByRegion.ToDictionary(d => d.Region, d => d.ViewersNow));
    }
}

using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Creators;

public sealed class FollowTests
{
    [Fact]
    public async Task Concurrent_follows_count_each_follower_once_and_unfollows_take_them_off()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var streamer = await node.TokenAsync("creator-ana", "streamer", "HK", "Ana");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/creators/creator-ana", streamer), 404, "not_found");
        await node.LiveRoomAsync(streamerToken: streamer, start: false);

        var profile = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/creator-ana", streamer));
        Assert.Equal("Ana", profile.GetProperty("name").GetString());
        Assert.Equal("HK", profile.GetProperty("region").GetString());
        Assert.Equal("none", profile.GetProperty("verification").GetString());
        Assert.Equal(0, profile.GetProperty("followers").GetInt64());

        // 100 fans, each following twice at once.
        var fans = Enumerable.Range(0, 100).Select(i => node.MintToken($"fan-{i}")).ToArray();
        await Task.WhenAll(fans.Concat(fans).Select(fan => HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/creators/creator-ana/follow", fan))));
        Assert.Equal(100, (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/creator-ana", fans[0]))).GetProperty("followers").GetInt64());

        await Task.WhenAll(fans.Take(10).Concat(fans.Take(10)).Select(fan => HttpAssert.Ok(node.SendAsync(HttpMethod.Delete, "/api/creators/creator-ana/follow", fan))));
        var after = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/creator-ana", fans[0]));
        Assert.Equal(90, after.GetProperty("followers").GetInt64());
    }

    [Fact]
    public async Task Following_a_missing_creator_oneself_or_a_malformed_id_is_refused_and_changes_nothing()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var streamer = await node.TokenAsync("creator-bo", "streamer");
        await node.LiveRoomAsync(streamerToken: streamer, start: false);
        var viewer = await node.TokenAsync("just-looking");

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/creators/nobody-here/follow", viewer), 404, "not_found");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/creators/creator-bo/follow", streamer), 400, "validation_failed");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/creators/bad%20id/follow", viewer), 400, "validation_failed");

        Assert.Equal(0, (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/creator-bo", viewer))).GetProperty("followers").GetInt64());
    }
}

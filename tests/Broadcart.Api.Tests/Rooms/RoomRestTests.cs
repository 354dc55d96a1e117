using System.Net;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Rooms;

[Collection(LiveClusterCollection.Name)]
public sealed class RoomRestTests(LiveCluster cluster)
{
    private static void AssertProblem(HttpResponseMessage response, System.Text.Json.JsonElement body, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_streamer_creates_a_room_and_viewers_see_it_go_live_and_end()
    {
        var node = cluster.NodeA;
        var token = await node.TokenAsync("creator-1", "streamer", "HK");
        var (created, room) = await node.SendAsync(HttpMethod.Post, "/api/rooms", token, new { title = "  Tea tasting  ", language = "zh-HK", merchantId = "merchant-7" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var roomId = room.GetProperty("id").GetString()!;
        Assert.Equal($"/api/rooms/{roomId}", created.Headers.Location?.ToString());
        Assert.Equal(roomId, room.GetProperty("roomId").GetString());
        Assert.Equal("Tea tasting", room.GetProperty("title").GetString());
        Assert.Equal("scheduled", room.GetProperty("status").GetString());
        Assert.Equal("HK", room.GetProperty("homeRegion").GetString());
        Assert.Equal("creator-1", room.GetProperty("streamerId").GetString());
        Assert.Equal("merchant-7", room.GetProperty("merchantId").GetString());

        var viewer = await cluster.NodeB.ConnectAsync(await cluster.NodeB.TokenAsync($"watcher-{roomId}"));
        var joined = await viewer.JoinAsync(roomId);
        Assert.Equal("scheduled", joined.GetProperty("status").GetString());
        Assert.Equal(0, joined.GetProperty("recentChat").GetArrayLength());

        var (started, live) = await node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/start", token);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("live", live.GetProperty("status").GetString());
        await viewer.WaitUntil(v => v.EventsNamed("roomStatus").Any(e => e.GetProperty("status").GetString() == "live"), "roomStatus live");

        var (ended, _) = await node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/end", token);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        await viewer.WaitUntil(v => v.EventsNamed("roomStatus").Any(e => e.GetProperty("status").GetString() == "ended"), "roomStatus ended");
        Assert.Equal("ended", (await cluster.RoomAsync(roomId, token)).GetProperty("status").GetString());
        await viewer.DisposeAsync();
    }

    [Fact]
    public async Task Refusals_are_problem_details_with_codes_and_change_nothing()
    {
        var node = cluster.NodeA;
        var (roomId, streamerToken) = await cluster.NodeA.LiveRoomAsync(start: false);
        var viewerToken = await node.TokenAsync("just-a-viewer");

        var (r, b) = await node.SendAsync(HttpMethod.Post, "/api/rooms", null, new { title = "x" });
        AssertProblem(r, b, HttpStatusCode.Unauthorized, "unauthorized");
        (r, b) = await node.SendAsync(HttpMethod.Post, "/api/rooms", "not-a-token", new { title = "x" });
        AssertProblem(r, b, HttpStatusCode.Unauthorized, "unauthorized");
        (r, b) = await node.SendAsync(HttpMethod.Post, "/api/rooms", viewerToken, new { title = "x" });
        AssertProblem(r, b, HttpStatusCode.Forbidden, "forbidden");
        (r, b) = await node.SendAsync(HttpMethod.Post, "/api/rooms", streamerToken, new { title = "" });
        AssertProblem(r, b, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("title", b.GetProperty("detail").GetString());
        (r, b) = await node.SendAsync(HttpMethod.Post, "/api/rooms", streamerToken, new { title = "ok", homeRegion = "XX" });
        AssertProblem(r, b, HttpStatusCode.BadRequest, "validation_failed");
        (r, b) = await node.SendAsync(HttpMethod.Post, "/api/rooms", streamerToken, new { title = "ok", merchantId = "bad id!" });
        AssertProblem(r, b, HttpStatusCode.BadRequest, "validation_failed");

        var bad = node.Request(HttpMethod.Post, "/api/rooms", streamerToken);
        bad.Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var badResponse = await node.Http.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, badResponse.StatusCode);
        Assert.Contains("\"validation_failed\"", await badResponse.Content.ReadAsStringAsync());

        (r, b) = await node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/start", viewerToken);
        AssertProblem(r, b, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("scheduled", (await cluster.RoomAsync(roomId, streamerToken)).GetProperty("status").GetString());

        (r, b) = await node.SendAsync(HttpMethod.Get, "/api/rooms/no-such-room", viewerToken);
        AssertProblem(r, b, HttpStatusCode.NotFound, "not_found");

        await node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/end", streamerToken);
        (r, b) = await node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/start", streamerToken);
        AssertProblem(r, b, HttpStatusCode.Conflict, "room_ended");
    }

    [Fact]
    public async Task Dev_tokens_validate_their_input()
    {
        var node = cluster.NodeA;
        var (r, b) = await node.SendAsync(HttpMethod.Post, "/api/dev/token", null, new { userId = "u1", roles = new[] { "emperor" } });
        AssertProblem(r, b, HttpStatusCode.BadRequest, "validation_failed");
        (r, b) = await node.SendAsync(HttpMethod.Post, "/api/dev/token", null, new { userId = "u1", region = "usa" });
        AssertProblem(r, b, HttpStatusCode.BadRequest, "validation_failed");
        (r, b) = await node.SendAsync(HttpMethod.Post, "/api/dev/token", null, new { userId = "" });
        AssertProblem(r, b, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_API_describes_itself_with_OpenAPI_and_a_reference_page()
    {
        var openApi = await cluster.NodeA.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/rooms/{roomId}/start", openApi);
        Assert.Contains("/api/dev/token", openApi);
        var reference = await cluster.NodeA.Http.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}

[Collection(LiveClusterCollection.Name)]
public sealed class AdminTests(LiveCluster cluster)
{
    [Fact]
    public async Task Only_admins_see_the_cluster_view_with_both_silos()
    {
        var (viewer, problem) = await cluster.NodeA.SendAsync(HttpMethod.Get, "/api/admin/cluster", cluster.NodeA.MintToken("not-an-admin", "moderator"));
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());

        await cluster.NodeA.LiveRoomAsync();
        var (admin, view) = await cluster.NodeA.SendAsync(HttpMethod.Get, "/api/admin/cluster", cluster.NodeA.MintToken("the-admin", "admin"));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(2, view.GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active"));
        Assert.Contains(view.GetProperty("grains").EnumerateArray(), g => g.GetProperty("grainType").GetString()!.Contains("LiveRoom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token_and_ready_covers_the_cluster_and_blob_storage()
    {
        Assert.Equal(HttpStatusCode.OK, (await cluster.NodeA.Http.GetAsync("/health/live")).StatusCode);
        var ready = await cluster.NodeA.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("orleans").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("blob").GetProperty("status").GetString());
    }
}

using System.Net;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Rooms;

public sealed class AuthConfigurationTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = Ports.Free().ToString(),
            ["Orleans:GatewayPort"] = Ports.Free().ToString(),
            ["Orleans:ClusterId"] = "auth-" + Guid.NewGuid().ToString("N")[..8],
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public void Without_dev_tokens_the_API_refuses_to_start_without_a_key_or_authority()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiNode.Build(Settings(("Auth:DevTokens", "false"))));
        Assert.Contains("256 bits", error.Message);
    }

    [Fact]
    public void A_signing_key_shorter_than_256_bits_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiNode.Build(Settings(("Auth:DevTokens", "false"), ("Auth:SigningKey", "too-short-key"))));
        Assert.Contains("at least 256 bits", error.Message);
    }

    [Fact]
    public async Task With_a_key_and_dev_tokens_off_there_is_no_token_endpoint()
    {
        await using var node = await ApiNode.StartAsync(Settings(("Auth:DevTokens", "false"), ("Auth:SigningKey", TestSecrets.SigningKey)));
        var response = await node.Http.PostAsync("/api/dev/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var rooms = await node.Http.GetAsync("/api/rooms/x");
        Assert.Equal(HttpStatusCode.Unauthorized, rooms.StatusCode);
    }
}

public sealed class EmbeddedWithoutBlobTests
{
    [Fact]
    public async Task Without_Blob_Storage_media_say_how_to_turn_it_on_and_the_archive_is_kept_in_memory()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var merchant = await node.TokenAsync("embedded-merchant", "merchant");
        var (response, problem) = await node.SendAsync(HttpMethod.Post, "/api/media/uploads", merchant, new { kind = "productImage", contentType = "image/png", length = 10 });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("blob_not_configured", problem.GetProperty("code").GetString());
        Assert.Contains("Blob:ConnectionString", problem.GetProperty("detail").GetString());

        var streamer = await node.TokenAsync("embedded-streamer", "streamer");
        var (roomId, _) = await node.LiveRoomAsync("No archive", streamerToken: streamer, start: false);
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/start", streamer));
        await using (var chatter = await node.ConnectAsync(streamer))
        {
            await chatter.JoinAsync(roomId);
            await chatter.SendChatAsync(roomId, "kept in memory");
        }

        // Ending the room writes its archive at once: the export has the chat.
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/end", streamer));
        var export = await node.Http.SendAsync(node.Request(HttpMethod.Get, $"/api/rooms/{roomId}/chat/export", streamer));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("kept in memory", await export.Content.ReadAsStringAsync());
        Assert.True((await node.Http.GetAsync("/health/live")).IsSuccessStatusCode);
        Assert.True((await node.Http.GetAsync("/health/ready")).IsSuccessStatusCode);
    }
}

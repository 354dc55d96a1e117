using System.Text.Json;
using Broadcart.Testing;

namespace Broadcart.Bench;

/// <summary>One room to drive on a server: Broadcart (tokens, a live room) or the bare hub (a group name).</summary>
public sealed record Target(Server Server, string RoomId, string? SenderToken, string? ViewerToken)
{
    public Uri Hub => new(Server.Client.BaseUrl, "/hubs/live");

    public static async Task<Target> PrepareAsync(Server server, bool broadcart)
    {
        if (!broadcart)
        {
            return new Target(server, "bench", null, null);
        }

        var client = server.Client;
        var streamer = await client.TokenAsync("bench-streamer", "streamer");
        var (_, room) = await client.SendAsync(HttpMethod.Post, "/api/rooms", streamer, new { title = "Benchmark" });
        var roomId = room.GetProperty("id").GetString()!;
        await client.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/start", streamer);
        return new Target(server, roomId, streamer, await client.TokenAsync("bench-viewer"));
    }

    public Audience Audience() => new(Hub, () => Task.FromResult(ViewerToken), RoomId);

    public async Task<Microsoft.AspNetCore.SignalR.Client.HubConnection> SenderAsync()
    {
        var sender = new Audience(Hub, () => Task.FromResult(SenderToken), RoomId).Connect();
        await sender.StartAsync();
        await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<JsonElement>(sender, "JoinRoom", RoomId);
        return sender;
    }
}

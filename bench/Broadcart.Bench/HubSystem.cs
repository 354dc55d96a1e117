using System.Text.Json;
using Broadcart.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Bench;

/// <summary>
/// A hub to drive: embedded Broadcart, or the bare hub (anonymous, or behind the same JwtBearer
/// validation), each over JSON or MessagePack. Every viewer of a JWT system gets a token of its own.
/// </summary>
public sealed record HubSystem(string Name, bool IsBroadcart, bool Jwt, bool MessagePack)
{
    public static HubSystem Broadcart(bool messagePack = false) => new(messagePack ? "broadcart-msgpack" : "broadcart", true, true, messagePack);

    public static HubSystem BareHubJwt(bool messagePack = false) => new(messagePack ? "bare-hub-jwt-msgpack" : "bare-hub-jwt", false, true, messagePack);

    public static HubSystem BareHub(bool messagePack = false) => new(messagePack ? "bare-hub-msgpack" : "bare-hub", false, false, messagePack);

    public Task<Server> StartAsync(BenchOptions options) =>
        IsBroadcart ? Server.EmbeddedAsync(options) : Server.BareHubAsync(Jwt);

    public string? Token(string userId, string role = "viewer") => Jwt ? BenchTokens.For(userId, role) : null;

    public HubConnection Connection(Uri hub, string? token)
    {
        var connection = HubConnections.Create(hub, token, MessagePack);
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        return connection;
    }

    /// <summary>A live room on the system: Broadcart's own (created and started over REST), or the bare hub's group.</summary>
    public async Task<string> PrepareRoomAsync(Server server)
    {
        if (!IsBroadcart)
        {
            return "bench";
        }

        var room = await server.Client.LiveRoomAsync("Benchmark", streamerToken: BenchTokens.For("bench-streamer", "streamer"));
        return room.RoomId;
    }

    /// <summary>Managed heap and working set of the serving process, read by the process itself after a forced full GC.</summary>
    public async Task<(long Managed, long WorkingSet)> MemoryAsync(Server server)
    {
        var (response, body) = IsBroadcart
            ? await server.Client.SendAsync(HttpMethod.Get, "/api/admin/diagnostics/memory", BenchTokens.For("bench-admin", "admin"))
            : await server.Client.SendAsync(HttpMethod.Get, "/diagnostics/memory", null);
        response.EnsureSuccessStatusCode();
        return (body.GetProperty("managedBytes").GetInt64(), body.GetProperty("workingSetBytes").GetInt64());
    }

    public static async Task<JsonElement> JoinAsync(HubConnection connection, string roomId, CancellationToken cancellationToken = default) =>
        await connection.InvokeAsync<JsonElement>("JoinRoom", roomId, cancellationToken);
}

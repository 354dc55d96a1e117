using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Bench;

/// <summary>
/// Real SignalR .NET viewers in one room, counting every chat message delivered (from <c>chat</c>
/// and <c>chatBatch</c> alike) and the latency of each.
/// </summary>
public sealed class Audience(Uri hub, Func<Task<string?>> token, string roomId) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    public Latency Latency { get; } = new();

    public int Count => _connections.Count;

    public HubConnection Connect()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                o.AccessTokenProvider = token;
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        connection.On<JsonElement>("chat", m => Latency.Record(m.GetProperty("sentAt").GetDateTimeOffset()));
        connection.On<JsonElement>("chatBatch", b =>
        {
            foreach (var m in b.GetProperty("messages").EnumerateArray())
            {
                Latency.Record(m.GetProperty("sentAt").GetDateTimeOffset());
            }
        });
        return connection;
    }

    /// <summary>Connects and joins <paramref name="viewers"/> viewers, 64 at a time; returns joins per second.</summary>
    public async Task<double> JoinAsync(int viewers, Action<int>? progress = null)
    {
        var joined = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connections = new HubConnection[viewers];
        await Parallel.ForEachAsync(Enumerable.Range(0, viewers), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            connections[i] = Connect();
            await connections[i].StartAsync(ct);
            await connections[i].InvokeAsync<JsonElement>("JoinRoom", roomId, ct);
            var n = Interlocked.Increment(ref joined);
            if (n % 500 == 0)
            {
                progress?.Invoke(n);
            }
        });
        var rate = viewers / clock.Elapsed.TotalSeconds;
        _connections.AddRange(connections);
        return rate;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
    }
}

using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Bench;

/// <summary>
/// Real SignalR .NET viewers in one room, each with its own token on JWT systems, counting every
/// chat message delivered (from <c>chat</c> and <c>chatBatch</c> alike) and its latency.
/// </summary>
public sealed class Audience(HubSystem system, Uri hub, string roomId) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    public Latency Latency { get; } = new();

    public int Count => _connections.Count;

    public HubConnection Connect(string? token)
    {
        var connection = system.Connection(hub, token);
        connection.On<ChatLite>("chat", m => Latency.Record([m.Text]));
        connection.On<ChatBatchLite>("chatBatch", b => Latency.Record(b.Messages.Select(m => m.Text)));
        return connection;
    }

    /// <summary>Connects and joins one viewer per token, 64 at a time; returns joins per second over the wall time.</summary>
    public async Task<double> JoinAsync(IReadOnlyList<string?> tokens, Action<int>? progress = null)
    {
        var joined = 0;
        var connections = new HubConnection[tokens.Count];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            connections[i] = Connect(tokens[i]);
            await connections[i].StartAsync(ct);
            await HubSystem.JoinAsync(connections[i], roomId, ct);
            if (Interlocked.Increment(ref joined) % 1000 == 0)
            {
                progress?.Invoke(joined);
            }
        });
        var rate = tokens.Count / clock.Elapsed.TotalSeconds;
        _connections.AddRange(connections);
        return rate;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
    }

    private sealed record ChatLite(string Text);

    private sealed record ChatBatchLite(List<ChatLite> Messages);
}

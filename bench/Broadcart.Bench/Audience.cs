using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Bench;

/// <summary>
/// Real SignalR .NET viewers in one room, each with its own token on JWT systems, counting every
/// chat message delivered (from <c>chat</c> and <c>chatBatch</c> alike) and its latency.
/// </summary>
public sealed class Audience(HubSystem system, Uri hub, string roomId) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    private long _frames;

    public Latency Latency { get; } = new();

    /// <summary>Chat invocations received (a <c>chatBatch</c> counts once), since the last call.</summary>
    public long TakeFrames() => Interlocked.Exchange(ref _frames, 0);

    public int Count => _connections.Count;

    public HubConnection Connect(string? token)
    {
        var connection = system.Connection(hub, token);
        connection.On<ChatLite>("chat", m =>
        {
            Interlocked.Increment(ref _frames);
            Latency.Record([m.Text]);
        });
        connection.On<ChatBatchLite>("chatBatch", b =>
        {
            Interlocked.Increment(ref _frames);
            Latency.Record(b.Messages.Select(m => m.Text));
        });
        return connection;
    }

    /// <summary>Connects and joins one viewer per token, 64 at a time; returns joins per second over the wall time.</summary>
    public async Task<double> JoinAsync(IReadOnlyList<string?> tokens, Action<int>? progress = null)
    {
        var joined = 0;
        var connections = new HubConnection[tokens.Count];
        var connectMs = new double[tokens.Count];
        var joinMs = new double[tokens.Count];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            connections[i] = Connect(tokens[i]);
            await connections[i].StartAsync(ct);
            connectMs[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            await HubSystem.JoinAsync(connections[i], roomId, ct);
            joinMs[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (Interlocked.Increment(ref joined) % 1000 == 0)
            {
                progress?.Invoke(joined);
            }
        });
        var rate = tokens.Count / clock.Elapsed.TotalSeconds;
        Array.Sort(connectMs);
        Array.Sort(joinMs);
        Console.WriteLine($"    {system.Name}: {tokens.Count} joins, connect p50 {connectMs[tokens.Count / 2]:0.0} ms p99 {connectMs[tokens.Count * 99 / 100]:0.0} ms, JoinRoom p50 {joinMs[tokens.Count / 2]:0.0} ms p99 {joinMs[tokens.Count * 99 / 100]:0.0} ms");
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

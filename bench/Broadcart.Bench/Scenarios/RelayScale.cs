using System.Diagnostics;
using Broadcart.Grains.Common;
using Broadcart.Grains.Hosting;
using Broadcart.Grains.Rooms;
using Broadcart.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// One room grain with 1 to 200 simulated node relays (in-process observers that count and
/// discard; each subscribes with 5,000 viewers, so 200 stand for a million): the room's own time
/// per chat message and per flush as nodes grow, read from the grain's diagnostics (the time its
/// turns spent taking chat and flushing). Two loads: sparse (30 msg/s, one message per flush) and
/// busy (as fast as 32 callers go, flushes batch). The baseline is the same room with one node.
/// What this does not measure: serialising each batch for the network, which a real silo does on
/// its connection threads, not the room's.
/// </summary>
public static class RelayScale
{
    private const int ViewersPerNode = 5_000;

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        int[] nodeCounts = options.Smoke ? [1, 4] : [1, 10, 50, 100, 200];
        var sparse = options.Smoke ? 10 : 150;
        var busy = options.Smoke ? 100 : 3_000;
        using var host = await StartSiloAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var streamer = new Actor("relay-scale-streamer", "Streamer", "US", false, false);

        // Warm-up: the JIT, the grain types and the observer path, once, unmeasured.
        await MeasureAsync(grains, streamer, nodes: 10, sparse: 10, busy: 200);

        foreach (var (repeat, nodes) in Repeats.Alternating(options.Repeats, nodeCounts))
        {
            var m = await MeasureAsync(grains, streamer, nodes, sparse, busy);
            var system = $"nodes-{nodes}";
            report.Record(system, "sparse.grainMicrosPerFlush", m.SparseMicrosPerFlush);
            report.Record(system, "sparse.grainMicrosPerFlushPerNode", m.SparseMicrosPerFlush / nodes);
            report.Record(system, "busy.grainMicrosPerMessage", m.BusyMicrosPerMessage);
            report.Record(system, "busy.messagesPerFlush", m.BusyMessagesPerFlush);
            report.Record(system, "busy.processCpuMicrosPerMessage", m.BusyCpuMicrosPerMessage);
            Console.WriteLine($"  repeat {repeat + 1}: {nodes,3} nodes: {m.SparseMicrosPerFlush,8:0.0} µs/flush sparse, {m.BusyMicrosPerMessage,7:0.0} µs/msg busy ({m.BusyMessagesPerFlush:0.0} msg/flush), process CPU {m.BusyCpuMicrosPerMessage:0.0} µs/msg");
            if (m.Missing > 0)
            {
                report.Fail($"{nodes} nodes: {m.Missing} chat deliveries missing or repeated");
            }

            var goal = 1_000.0;
            if (nodes == 200 && !options.Smoke && m.SparseMicrosPerFlush > goal)
            {
                Console.WriteLine($"  note: {m.SparseMicrosPerFlush:0} µs per flush at 200 nodes is above the 1 ms goal");
            }
        }

        foreach (var figure in new[] { "sparse.grainMicrosPerFlush", "sparse.grainMicrosPerFlushPerNode", "busy.grainMicrosPerMessage", "busy.processCpuMicrosPerMessage" })
        {
            foreach (var nodes in nodeCounts.Skip(1))
            {
                report.Compare(figure, $"nodes-{nodes}", "nodes-1");
            }
        }

        // Rooms write their state when they deactivate: let them while the memory store is still up.
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await host.StopAsync();
    }

    private sealed record Measured(double SparseMicrosPerFlush, double BusyMicrosPerMessage, double BusyMessagesPerFlush, double BusyCpuMicrosPerMessage, long Missing);

    private static async Task<Measured> MeasureAsync(IGrainFactory grains, Actor streamer, int nodes, int sparse, int busy)
    {
        var roomId = "r" + Guid.NewGuid().ToString("N")[..12];
        var room = grains.GetGrain<ILiveRoomGrain>(roomId);
        await room.Create(new CreateRoom("Relay scale", "en", "US", null, streamer));
        await room.Start(streamer);
        var relays = new List<CountingRelay>();
        var references = new List<IRoomRelay>();
        for (var i = 0; i < nodes; i++)
        {
            var relay = new CountingRelay();
            relays.Add(relay);
            var reference = grains.CreateObjectReference<IRoomRelay>(relay);
            references.Add(reference);
            await room.Subscribe(new NodeSubscription($"node-{i}", reference, ViewersPerNode, TimeSpan.FromHours(1)));
        }

        // Sparse, open loop at 30 msg/s: every message finds the room idle and flushes on its own.
        var before = await room.GetDiagnostics();
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 / 30)))
        {
            for (var i = 0; i < sparse; i++)
            {
                await timer.WaitForNextTickAsync();
                await room.SendChat(streamer, $"sparse {i}");
            }
        }

        await DeliveredAsync(relays, sparse);
        var mid = await room.GetDiagnostics();
        var sparseFlushes = Math.Max(1, mid.BatchesFlushed - before.BatchesFlushed);
        var sparseMicrosPerFlush = (mid.FlushTime - before.FlushTime).TotalMicroseconds / sparseFlushes;

        // Busy: 32 callers as fast as the room answers.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sent = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, busy), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            await room.SendChat(streamer, $"busy {i}");
            Interlocked.Increment(ref sent);
        });
        await DeliveredAsync(relays, sparse + busy);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var after = await room.GetDiagnostics();
        var busyGrain = (after.ChatTime - mid.ChatTime) + (after.FlushTime - mid.FlushTime);
        var busyFlushes = Math.Max(1, after.BatchesFlushed - mid.BatchesFlushed);
        var missing = relays.Sum(r => Math.Abs(r.Chat - (sparse + busy)));

        // The room forgets its nodes before their observers go away, and what it already sent has
        // arrived: nothing is sent to a deleted one.
        await room.End(streamer);
        for (var i = 0; i < nodes; i++)
        {
            await room.Unsubscribe($"node-{i}");
        }

        var sentBatches = (await room.GetDiagnostics()).LastBatchSeq;
        await Eventually.Until(() => Task.FromResult(relays.Min(r => r.LastBatchSeq)), n => n >= sentBatches, "the last batches delivered", TimeSpan.FromSeconds(30));
        foreach (var reference in references)
        {
            grains.DeleteObjectReference<IRoomRelay>(reference);
        }

        return new Measured(sparseMicrosPerFlush, busyGrain.TotalMicroseconds / busy, (double)busy / busyFlushes, cpuUsed.TotalMicroseconds / busy, missing);
    }

    private static async Task DeliveredAsync(IReadOnlyList<CountingRelay> relays, long expected)
    {
        try
        {
            await Eventually.Until(() => Task.FromResult(relays.Min(r => r.Chat)), n => n >= expected, $"{expected} messages at every relay", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // Counted as missing by the caller.
        }
    }

    private static async Task<IHost> StartSiloAsync()
    {
        var siloPort = Ports.Free();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "relay-scale-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:Membership"] = "Localhost",
            ["Orleans:SiloPort"] = siloPort.ToString(),
            ["Orleans:GatewayPort"] = Ports.Free().ToString(),
            ["Orleans:PrimarySilo"] = $"127.0.0.1:{siloPort}",
            ["Dashboard:Enabled"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddBroadcart(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Broadcart.Testing;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// Embedded Broadcart under a steady mixed load for minutes (<see cref="SoakLoad"/>): per
/// interval, count, p50 and p99 of each operation and its errors, and the server's working set,
/// managed heap (read by the server itself after a forced full GC) and grain activations. Goals:
/// no errors, and a working set flat within 10% after warm-up (the first interval), comparing the
/// end of the second interval with the end of the last. Any error fails the run.
/// </summary>
public static class Soak
{
    private const double FlatWithinPercent = 10;

    // A chat message is settled (missing deliveries counted) once it is this old; the slow-viewer watch closes a socket 10 s behind.
    private static readonly TimeSpan DeliveryGrace = TimeSpan.FromSeconds(10);

    private sealed record Interval(int Index, double EndSeconds, IReadOnlyDictionary<string, OperationStats.Sample> Operations, long WorkingSet, long Managed, SortedDictionary<string, int> Activations);

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        var rates = options.Smoke ? SoakRates.Smoke : SoakRates.Default;
        var count = Math.Max(1, (int)Math.Round(options.SoakDuration / options.SoakInterval));
        Console.WriteLine($"  {count} intervals of {options.SoakInterval.TotalSeconds:0} s, {options.SoakRooms} rooms, {options.SoakViewers} watching viewers; per second: " +
            $"{rates.Chat} chat, {rates.Likes} likes, {rates.Joins} joins (each leaving after {rates.ChurnLifetime.TotalSeconds:0} s), {rates.Orders} orders paid by webhook, {rates.FeedReads} feed reads");

        var system = HubSystem.Broadcart();
        await using var server = await Server.EmbeddedAsync(options);
        var shops = new List<Shop>();
        for (var i = 0; i < options.SoakRooms; i++)
        {
            shops.Add(await server.Client.ShopAsync(1_000_000, ProductPlacement.Pinned, $"Soak product {i}", [new Price("US", "USD", 999)]));
        }

        var stats = new OperationStats(SoakLoad.Operations);
        var ledger = new ChatLedger();
        await using var load = new SoakLoad(server, shops, rates, stats, ledger);
        await load.ConnectWatchersAsync(options.SoakViewers);
        await load.WaitForFeedAsync();
        var start = await system.MemoryAsync(server);
        var startActivations = await ClusterActivations.ReadAsync(server.Client);
        Console.WriteLine($"  start: working set {Mb(start.WorkingSet):0.0} MB, managed {Mb(start.Managed):0.0} MB, {startActivations.Values.Sum()} activations");

        var intervals = new List<Interval>();
        var clock = Stopwatch.StartNew();
        var running = load.RunAsync();
        for (var i = 1; i <= count; i++)
        {
            var wait = (options.SoakInterval * i) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            // Read while the load runs, at every interval's end alike (the last one too).
            var memory = await system.MemoryAsync(server);
            var activations = await ClusterActivations.ReadAsync(server.Client);
            var settleBefore = DateTime.UtcNow.Ticks - DeliveryGrace.Ticks;
            if (i == count)
            {
                load.Stop();
                await running;
                await load.DrainAsync(DeliveryGrace + TimeSpan.FromSeconds(5));
                settleBefore = long.MaxValue;
            }

            var (missing, duplicated) = ledger.Settle(settleBefore);
            if (missing > 0)
            {
                stats.Failed("chat", "delivery missing", missing);
            }

            if (duplicated > 0)
            {
                stats.Failed("chat", "delivered twice", duplicated);
            }

            var interval = new Interval(i, Math.Round(clock.Elapsed.TotalSeconds, 1), stats.Take(), memory.WorkingSet, memory.Managed, activations);
            intervals.Add(interval);
            Print(interval, warmUp: i == 1);
        }

        Summarise(options, report, rates, start, startActivations, intervals, stats);
    }

    private static void Print(Interval interval, bool warmUp)
    {
        var ops = string.Join(" | ", interval.Operations.Select(o => $"{o.Key} {o.Value.Count} p50 {o.Value.P50:0.0} p99 {o.Value.P99:0.0}{(o.Value.Errors > 0 ? $" ERRORS {o.Value.Errors}" : string.Empty)}"));
        Console.WriteLine($"  interval {interval.Index}{(warmUp ? " (warm-up)" : string.Empty)} at {interval.EndSeconds:0} s: {ops}");
        Console.WriteLine($"    working set {Mb(interval.WorkingSet):0.0} MB, managed {Mb(interval.Managed):0.0} MB, {interval.Activations.Values.Sum()} activations");
    }

    private static void Summarise(
        BenchOptions options, Report report, SoakRates rates, (long Managed, long WorkingSet) start, SortedDictionary<string, int> startActivations, List<Interval> intervals, OperationStats stats)
    {
        const string System = "broadcart";
        foreach (var interval in intervals)
        {
            foreach (var (op, s) in interval.Operations)
            {
                report.Record(System, $"{op}_count", s.Count);
                report.Record(System, $"{op}_p50_ms", s.P50);
                report.Record(System, $"{op}_p99_ms", s.P99);
                report.Record(System, $"{op}_errors", s.Errors);
            }

            report.Record(System, "working_set_mb", Mb(interval.WorkingSet));
            report.Record(System, "managed_mb", Mb(interval.Managed));
            report.Record(System, "activations", interval.Activations.Values.Sum());
        }

        var errors = intervals.Sum(i => i.Operations.Values.Sum(s => s.Errors));
        var afterWarmUp = intervals[Math.Min(1, intervals.Count - 1)];
        var end = intervals[^1];
        var change = Percent(afterWarmUp.WorkingSet, end.WorkingSet);
        var fromStart = Percent(start.WorkingSet, end.WorkingSet);
        var flat = Math.Abs(change) <= FlatWithinPercent;
        report.Record(System, "errors_total", errors);
        report.Record(System, "working_set_start_mb", Mb(start.WorkingSet));
        report.Record(System, "working_set_after_warm_up_mb", Mb(afterWarmUp.WorkingSet));
        report.Record(System, "working_set_end_mb", Mb(end.WorkingSet));
        report.Record(System, "working_set_change_after_warm_up_pct", change);
        report.Record(System, "working_set_change_from_start_pct", fromStart);
        report.Record(System, "managed_start_mb", Mb(start.Managed));
        report.Record(System, "managed_after_warm_up_mb", Mb(afterWarmUp.Managed));
        report.Record(System, "managed_end_mb", Mb(end.Managed));

        var growth = end.Activations.Select(a => (Type: a.Key, Start: startActivations.GetValueOrDefault(a.Key), End: a.Value))
            .Where(a => a.End != a.Start).OrderByDescending(a => a.End - a.Start).ToList();
        Console.WriteLine($"  errors: {errors} (goal 0){(errors == 0 ? string.Empty : ": " + string.Join("; ", stats.Messages.Select(m => $"{m.Key} x{m.Value}")))}");
        Console.WriteLine($"  working set: start {Mb(start.WorkingSet):0.0} MB, after warm-up {Mb(afterWarmUp.WorkingSet):0.0} MB, end {Mb(end.WorkingSet):0.0} MB " +
            $"({change:+0.0;-0.0}% after warm-up, {fromStart:+0.0;-0.0}% from start): goal flat within {FlatWithinPercent}% {(flat ? "met" : "NOT met")}");
        Console.WriteLine($"  managed heap: start {Mb(start.Managed):0.0} MB, after warm-up {Mb(afterWarmUp.Managed):0.0} MB, end {Mb(end.Managed):0.0} MB");
        Console.WriteLine($"  activations that changed, start -> end: {(growth.Count == 0 ? "none" : string.Join(", ", growth.Select(g => $"{g.Type} {g.Start} -> {g.End}")))}");

        report.Detail("rates_per_second", new JsonObject
        {
            ["chat"] = rates.Chat, ["likes"] = rates.Likes, ["joins"] = rates.Joins, ["churnLifetimeSeconds"] = rates.ChurnLifetime.TotalSeconds,
            ["orders"] = rates.Orders, ["feedReads"] = rates.FeedReads,
        });
        report.Detail("start", new JsonObject { ["workingSetBytes"] = start.WorkingSet, ["managedBytes"] = start.Managed, ["activations"] = Activations(startActivations) });
        report.Detail("intervals", new JsonArray([.. intervals.Select(i => (JsonNode)new JsonObject
        {
            ["index"] = i.Index,
            ["warmUp"] = i.Index == 1,
            ["endSeconds"] = i.EndSeconds,
            ["operations"] = new JsonObject(i.Operations.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)new JsonObject
            {
                ["count"] = o.Value.Count, ["p50Ms"] = o.Value.P50, ["p99Ms"] = o.Value.P99, ["maxMs"] = o.Value.Max, ["errors"] = o.Value.Errors,
            }))),
            ["workingSetBytes"] = i.WorkingSet,
            ["managedBytes"] = i.Managed,
            ["activations"] = Activations(i.Activations),
        })]));
        report.Detail("goals", new JsonObject
        {
            ["errors"] = errors, ["errorsMet"] = errors == 0,
            ["workingSetChangeAfterWarmUpPct"] = change, ["flatWithinPct"] = FlatWithinPercent, ["flatMet"] = flat,
        });
        report.Detail("errorMessages", new JsonObject(stats.Messages.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))));

        if (errors > 0)
        {
            report.Fail($"{errors} error(s): {string.Join("; ", stats.Messages.Select(m => $"{m.Key} x{m.Value}"))}");
        }

        // The load must have run: every operation answered at least once.
        foreach (var op in SoakLoad.Operations.Where(op => intervals.Sum(i => i.Operations[op].Count) == 0))
        {
            report.Fail($"no {op} succeeded in {options.SoakDuration.TotalSeconds:0} s");
        }
    }

    private static JsonObject Activations(SortedDictionary<string, int> byType) =>
        new(byType.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)).Prepend(KeyValuePair.Create("total", (JsonNode?)byType.Values.Sum())));

    private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    private static double Percent(long from, long to) => from == 0 ? 0 : Math.Round((to - from) * 100.0 / from, 1);
}

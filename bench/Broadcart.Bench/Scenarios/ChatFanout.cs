using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// One room, many viewers, several chatting viewers sending on a fixed schedule (open loop: a send
/// never waits for an earlier answer). Latency runs from the time a message was scheduled to be
/// sent, carried in its text, to its receipt; rates are deliveries over the wall time from the
/// first send to the last receipt. The send rate doubles until a step misses p99 &lt;= 250 ms or
/// loses a delivery, then bisects the knee. Broadcart fans out through Orleans and its per-room
/// senders; the bare hubs send every message to a group on their own.
/// </summary>
public static class ChatFanout
{
    private const double P99LimitMs = 250;
    private const int LowestRate = 10;

    private static readonly string[] Figures = ["best_rate_msgs_per_s", "deliveries_per_s_at_best", "p50_ms_at_lowest_rate", "p99_ms_at_lowest_rate"];

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        var systems = options.Smoke
            ? [HubSystem.Broadcart(), HubSystem.BareHubJwt(), HubSystem.Broadcart(messagePack: true)]
            : options.Only(HubSystem.Broadcart(), HubSystem.BareHubJwt(), HubSystem.BareHub(), HubSystem.Broadcart(messagePack: true), HubSystem.BareHubJwt(messagePack: true));
        foreach (var (repeat, system) in Repeats.Alternating(options.Repeats, systems))
        {
            Console.WriteLine($"  repeat {repeat + 1}: {system.Name}");
            await RunOnceAsync(options, system, report);
        }

        foreach (var figure in Figures)
        {
            report.Compare(figure, "broadcart", "bare-hub-jwt", "bare-hub");
        }

        foreach (var figure in Figures)
        {
            report.Compare(figure, "broadcart-msgpack", "bare-hub-jwt-msgpack");
        }
    }

    private static async Task RunOnceAsync(BenchOptions options, HubSystem system, Report report)
    {
        await using var server = await system.StartAsync(options);
        var roomId = await system.PrepareRoomAsync(server);
        var hub = new Uri(server.Client.BaseUrl, "/hubs/live");
        await using var audience = new Audience(system, hub, roomId);
        await audience.JoinAsync([.. Enumerable.Range(0, options.FanoutViewers).Select(i => system.Token($"fan-{i}"))]);
        var senders = new List<HubConnection>();
        for (var i = 0; i < options.Senders; i++)
        {
            var sender = system.Connection(hub, system.Token($"chatter-{i}"));
            await sender.StartAsync();
            await HubSystem.JoinAsync(sender, roomId);
            senders.Add(sender);
        }

        try
        {
            // Warm-up: JIT, pools and the room's first flushes; not counted.
            await StepAsync(options, system, audience, senders, roomId, 100, TimeSpan.FromSeconds(2), report, record: false);

            var lowest = await StepAsync(options, system, audience, senders, roomId, options.ChatRates?[0] ?? LowestRate, options.StepDuration, report);
            report.Record(system.Name, "p50_ms_at_lowest_rate", lowest.P50);
            report.Record(system.Name, "p99_ms_at_lowest_rate", lowest.P99);
            var best = lowest.Passed ? lowest : null;
            if (lowest.Passed)
            {
                best = options.ChatRates is { } fixedRates
                    ? await FixedStepsAsync(fixedRates.Skip(1), lowest)
                    : await SearchAsync(lowest);
            }

            report.Record(system.Name, "best_rate_msgs_per_s", best?.Rate ?? 0);
            report.Record(system.Name, "deliveries_per_s_at_best", best?.DeliveriesPerSecond ?? 0);
        }
        finally
        {
            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }
        }

        async Task<Step> FixedStepsAsync(IEnumerable<int> rates, Step passed)
        {
            foreach (var rate in rates)
            {
                var step = await StepAsync(options, system, audience, senders, roomId, rate, options.StepDuration, report);
                if (!step.Passed)
                {
                    break;
                }

                passed = step;
            }

            return passed;
        }

        async Task<Step> SearchAsync(Step passed)
        {
            var failed = 0;
            for (var rate = passed.Rate * 2; rate <= 40_960; rate *= 2)
            {
                var step = await StepAsync(options, system, audience, senders, roomId, rate, options.StepDuration, report);
                if (!step.Passed)
                {
                    failed = rate;
                    break;
                }

                passed = step;
            }

            // Bisect between the last rate that held and the first that did not.
            for (var i = 0; i < 3 && failed > 0; i++)
            {
                var rate = (passed.Rate + failed) / 2;
                var step = await StepAsync(options, system, audience, senders, roomId, rate, options.StepDuration, report);
                if (step.Passed)
                {
                    passed = step;
                }
                else
                {
                    failed = rate;
                }
            }

            return passed;
        }
    }

    private sealed record Step(int Rate, bool Passed, double DeliveriesPerSecond, double P50, double P99);

    private static async Task<Step> StepAsync(
        BenchOptions options, HubSystem system, Audience audience, List<HubConnection> senders, string roomId, int rate, TimeSpan duration, Report report, bool record = true)
    {
        audience.Latency.TakeMillis();
        audience.TakeFrames();
        var messages = (int)(rate * duration.TotalSeconds);
        var sends = new Task[messages];
        var acks = new double[messages];
        var start = DateTime.UtcNow.Ticks;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < messages)
        {
            var due = Math.Min(messages, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                var scheduled = start + (long)(sent * (TimeSpan.TicksPerSecond / (double)rate));
                sends[sent] = TimedAsync(senders[sent % senders.Count].InvokeAsync<JsonElement>("SendChat", roomId, Latency.Text(scheduled, sent)), sent, scheduled);
            }

            await Task.Delay(1);
        }

        async Task TimedAsync(Task send, int index, long scheduledTicks)
        {
            try
            {
                await send;
            }
            finally
            {
                acks[index] = (DateTime.UtcNow.Ticks - scheduledTicks) / (double)TimeSpan.TicksPerMillisecond;
            }
        }

        var refused = 0;
        try
        {
            await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            refused = sends.Count(s => !s.IsCompletedSuccessfully);
        }

        long expected = (long)(messages - refused) * audience.Count;
        var drainUntil = clock.Elapsed + TimeSpan.FromSeconds(5);
        while (audience.Latency.Count < expected && clock.Elapsed < drainUntil)
        {
            await Task.Delay(20);
        }

        var delivered = audience.Latency.Count;
        var wall = Math.Max(1, audience.Latency.LastReceiptTicks - start) / (double)TimeSpan.TicksPerSecond;
        var (p50, p95, p99) = audience.Latency.TakeMillis();
        var perSecond = delivered / wall;
        var perFrame = delivered / (double)Math.Max(1, audience.TakeFrames());
        Array.Sort(acks);
        var ackP50 = acks[acks.Length / 2];
        var passed = refused == 0 && delivered >= expected && p99 <= P99LimitMs;
        Console.WriteLine($"    {system.Name}: {rate} msg/s -> {perSecond:0} deliveries/s, p50 {p50:0.0} ms, p95 {p95:0.0} ms, p99 {p99:0.0} ms ({delivered}/{expected}, {perFrame:0.0} messages per frame, send acknowledged p50 {ackP50:0.0} ms{(refused > 0 ? $", {refused} sends refused" : string.Empty)}){(record ? string.Empty : " [warm-up]")}");
        if (options.Smoke && (delivered != expected || refused > 0))
        {
            report.Fail($"{system.Name}: {delivered} of {expected} deliveries at {rate} msg/s, {refused} sends refused");
        }

        return new Step(rate, passed, perSecond, p50, p99);
    }
}

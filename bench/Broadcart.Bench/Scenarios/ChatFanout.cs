using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// One room, many viewers; the send rate steps up until the p99 from server timestamp to receipt
/// passes 250 ms or deliveries fall behind. Broadcart fans out through Orleans and sends the chat
/// of one flush as one invocation; the bare hub sends every message to the group on its own.
/// </summary>
public static class ChatFanout
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        foreach (var broadcart in new[] { true, false })
        {
            await using var server = broadcart ? await Server.EmbeddedAsync(options) : await Server.BareHubAsync(options);
            var target = await Target.PrepareAsync(server, broadcart);
            await using var audience = target.Audience();
            await audience.JoinAsync(options.FanoutViewers, n => Console.WriteLine($"  {server.Name}: {n} viewers joined"));
            var sender = await target.SenderAsync();
            var best = 0.0;
            foreach (var rate in options.ChatRates)
            {
                audience.Latency.TakeMillis();
                var sent = await SendAsync(sender, target.RoomId, rate, options.StepDuration);
                var expected = (long)sent * options.FanoutViewers;
                var drain = Stopwatch.StartNew();
                while (audience.Latency.Count < expected && drain.Elapsed < TimeSpan.FromSeconds(5))
                {
                    await Task.Delay(50);
                }

                var delivered = audience.Latency.Count;
                var (p50, p95, p99) = audience.Latency.TakeMillis();
                var perSecond = delivered / options.StepDuration.TotalSeconds;
                Console.WriteLine($"  {server.Name}: {rate} msg/s -> {perSecond:0} deliveries/s, p50 {p50:0.0} ms, p95 {p95:0.0} ms, p99 {p99:0.0} ms ({delivered}/{expected})");
                if (options.Smoke && delivered != expected)
                {
                    report.Fail($"{server.Name}: {delivered} of {expected} messages delivered");
                }

                var record = (string figure, double value) => { if (broadcart) report.System(figure, value); else report.Baseline(figure, value); };
                if (rate == options.ChatRates[0])
                {
                    record("p50_ms_at_first_rate", p50);
                    record("p95_ms_at_first_rate", p95);
                    record("p99_ms_at_first_rate", p99);
                }

                if (p99 > 250 || delivered < expected * 0.99)
                {
                    break;
                }

                best = perSecond;
                record("best_rate_msgs_per_s", rate);
            }

            if (broadcart)
            {
                report.System("delivered_per_s_within_p99_250ms", best);
            }
            else
            {
                report.Baseline("delivered_per_s_within_p99_250ms", best);
            }

            await sender.DisposeAsync();
        }

        report.Ratio("delivered_per_s_within_p99_250ms");
        report.Ratio("best_rate_msgs_per_s");
        report.Ratio("p50_ms_at_first_rate");
        report.Ratio("p99_ms_at_first_rate");
    }

    private static async Task<int> SendAsync(HubConnection sender, string roomId, int rate, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        var sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate);
            while (sent < due)
            {
                sends.Add(sender.InvokeAsync<System.Text.Json.JsonElement>("SendChat", roomId, $"message {sent} {new string('x', 40)}"));
                sent++;
            }

            await Task.Delay(5);
        }

        await Task.WhenAll(sends);
        return sent;
    }
}

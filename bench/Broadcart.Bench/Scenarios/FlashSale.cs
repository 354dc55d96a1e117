using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Broadcart.Client.Rest;
using Broadcart.Testing;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// Many buyers, few units, durable state (Redis, Azurite, a silo, an API node). System: the sale
/// group-commits its log; baseline: the same topology, protocol and auth with one log append per
/// reservation (<c>Orders:GroupCommit=false</c>). Both warmed up, then three rounds alternating
/// which goes first; medians and spreads of acknowledged orders/s until sell-out, buyers answered
/// per second, oversell (must be 0) and storage requests per acknowledged order.
/// </summary>
public static class FlashSale
{
    private const int Rounds = 3;

    private sealed record Run(double OrdersPerSecond, double AnsweredPerSecond, int Oversell, double StoragePerOrder, int Unavailable);

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        await using var system = await Server.DurableAsync(groupCommit: true);
        await using var baseline = await Server.DurableAsync(groupCommit: false);
        var tokens = new string[options.Buyers];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Buyers), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            tokens[i] = await system.Client.TokenAsync($"bench-buyer-{i}"));
        Console.WriteLine($"  {options.Buyers} buyers ready");

        // Every buyer makes two purchase attempts on each server before the measured rounds, as a viewer
        // who has been in the room does: long enough for the JIT's second tier, and no round pays a
        // first request per user (the rate limiter's partition) that another round does not. (With one
        // warm-up sale the first measured round of the system was slower than the others every time.)
        var warmUp = options with { Units = Math.Min(options.Units, 200) };
        for (var pass = 1; pass <= 2; pass++)
        {
            foreach (var server in new[] { system, baseline })
            {
                await SaleAsync(server, warmUp, tokens, $"warm{pass}", report);
            }
        }

        var runs = new Dictionary<Server, List<Run>> { [system] = [], [baseline] = [] };
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var server in round % 2 == 1 ? new[] { system, baseline } : [baseline, system])
            {
                runs[server].Add(await SaleAsync(server, options, tokens, $"r{round}", report));
            }
        }

        Record(report.System, runs[system]);
        Record(report.Baseline, runs[baseline]);
        report.Ratio("acknowledged_orders_per_s");
        report.Ratio("buyers_answered_per_s");
        report.Ratio("oversell");
        report.Ratio("storage_requests_per_order");
        var ratios = runs[system].Zip(runs[baseline], (s, b) => s.OrdersPerSecond / b.OrdersPerSecond).ToList();
        report.System("acknowledged_ratio_min", ratios.Min());
        report.System("acknowledged_ratio_max", ratios.Max());
        var answered = runs[system].Zip(runs[baseline], (s, b) => s.AnsweredPerSecond / b.AnsweredPerSecond).ToList();
        report.System("answered_ratio_min", answered.Min());
        report.System("answered_ratio_max", answered.Max());
        Console.WriteLine($"  per-round ratios: acknowledged {string.Join(", ", ratios.Select(r => r.ToString("0.0")))}; answered {string.Join(", ", answered.Select(r => r.ToString("0.0")))}");
    }

    private static void Record(Action<string, double> record, List<Run> runs)
    {
        void Spread(string figure, Func<Run, double> value)
        {
            var values = runs.Select(value).Order().ToList();
            record(figure, values[values.Count / 2]);
            record(figure + "_min", values[0]);
            record(figure + "_max", values[^1]);
        }

        Spread("acknowledged_orders_per_s", r => r.OrdersPerSecond);
        Spread("buyers_answered_per_s", r => r.AnsweredPerSecond);
        Spread("storage_requests_per_order", r => r.StoragePerOrder);
        record("oversell", runs.Max(r => r.Oversell));
        record("unavailable_after_retries", runs.Sum(r => r.Unavailable));
    }

    private static async Task<Run> SaleAsync(Server server, BenchOptions options, string[] tokens, string label, Report report)
    {
        var client = server.Client;
        var admin = await client.TokenAsync("bench-admin", "admin");
        var (roomId, productId, streamer, _) = await client.ShopAsync(options.Units, ProductPlacement.None, "Benchmark bargain", [new("US", "USD", 999)]);
        await client.Api(streamer).StartFlashSaleAsync(roomId, new NewFlashSale(productId, options.Units, PerUserLimit: 1, DurationSeconds: 1800));

        var acknowledged = 0;
        var soldOut = 0;
        var unavailable = 0;
        var other = 0;
        long lastAcknowledgedTicks = 0;
        var storageBefore = await StorageRequestsAsync(client, admin);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Buyers), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
        {
            // A 503 is "try again shortly": a client retries the same attempt, a few times.
            for (var attempt = 1; ; attempt++)
            {
                var (response, body) = await client.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", tokens[i], new { productId, quantity = 1, idempotencyKey = $"bench-{label}-{i}" });
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref acknowledged);
                    InterlockedMax(ref lastAcknowledgedTicks, clock.Elapsed.Ticks);
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
                    continue;
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref unavailable);
                }
                else if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var code) && code.GetString() == "sold_out")
                {
                    Interlocked.Increment(ref soldOut);
                }
                else
                {
                    Interlocked.Increment(ref other);
                }

                return;
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var storage = await StorageRequestsAsync(client, admin) - storageBefore;
        var untilSellOut = TimeSpan.FromTicks(Interlocked.Read(ref lastAcknowledgedTicks)).TotalSeconds;

        // The room's count is the sale's news, a moment behind its last commit.
        var remaining = await Eventually.Until(async () => (await client.Api(streamer).GetRoomAsync(roomId)).FlashSale!.Remaining, left => acknowledged + left >= options.Units, "the room's remaining count", TimeSpan.FromSeconds(10));
        var oversell = Math.Max(0, acknowledged + remaining - options.Units) + Math.Max(0, acknowledged - options.Units);
        var run = new Run(acknowledged / untilSellOut, options.Buyers / seconds, oversell, acknowledged == 0 ? 0 : (double)storage / acknowledged, unavailable);
        Console.WriteLine($"  {server.Name} [{label}]: {acknowledged} acknowledged in {untilSellOut:0.00} s ({run.OrdersPerSecond:0} /s), {soldOut} sold out, " +
            $"{unavailable} unavailable, {other} other, all answered in {seconds:0.00} s ({run.AnsweredPerSecond:0} /s); remaining {remaining}; oversell {oversell}; " +
            $"{storage} storage requests ({run.StoragePerOrder:0.000} per order)");
        if (oversell != 0)
        {
            report.Fail($"{server.Name} [{label}]: oversold by {oversell}");
        }

        if (acknowledged + remaining != options.Units || other != 0)
        {
            report.Fail($"{server.Name} [{label}]: {acknowledged} acknowledged + {remaining} remaining != {options.Units} units, {other} unexpected answers");
        }

        return run;
    }

    private static async Task<long> StorageRequestsAsync(NodeClient client, string admin)
    {
        var (response, body) = await client.SendAsync(HttpMethod.Get, "/api/admin/storage", admin);
        return response.IsSuccessStatusCode ? body.GetProperty("blobRequests").GetInt64() : throw new InvalidOperationException($"/api/admin/storage answered {(int)response.StatusCode}");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

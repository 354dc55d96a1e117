using System.Diagnostics;
using System.Net;
using Broadcart.Testing;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// Many buyers, few units, durable state (Redis, Azurite, a silo, an API node): acknowledged
/// orders per second and oversell (must be 0). Baseline: the same grains writing once per
/// reservation instead of group commit.
/// </summary>
public static class FlashSale
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        foreach (var groupCommit in new[] { true, false })
        {
            await using var server = await Server.DurableAsync(options, groupCommit);
            var client = server.Client;
            var merchant = await client.TokenAsync("bench-merchant", "merchant");
            var (_, product) = await client.SendAsync(HttpMethod.Post, "/api/products", merchant, new
            {
                title = "Benchmark bargain", stock = options.Units,
                prices = new[] { new { region = "US", currency = "USD", amountMinor = 999L } }, shipsTo = new[] { "US" },
            });
            var productId = product.GetProperty("id").GetString()!;
            var streamer = await client.TokenAsync("bench-streamer", "streamer");
            var (_, room) = await client.SendAsync(HttpMethod.Post, "/api/rooms", streamer, new { title = "Flash sale benchmark" });
            var roomId = room.GetProperty("id").GetString()!;
            await client.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/start", streamer);
            await client.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/flash-sales", streamer, new { productId, quantity = options.Units, perUserLimit = 1, durationSeconds = 1800 });

            var tokens = new string[options.Buyers];
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Buyers), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
                tokens[i] = await client.TokenAsync($"bench-buyer-{i}"));
            Console.WriteLine($"  {server.Name}: {options.Buyers} buyers ready");

            var acknowledged = 0;
            var soldOut = 0;
            var other = 0;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Buyers), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
            {
                var (response, body) = await client.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", tokens[i], new { productId, quantity = 1, idempotencyKey = $"bench-{i}" });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref acknowledged);
                }
                else if (body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("code", out var code) && code.GetString() == "sold_out")
                {
                    Interlocked.Increment(ref soldOut);
                }
                else
                {
                    Interlocked.Increment(ref other);
                }
            });
            var seconds = clock.Elapsed.TotalSeconds;
            var (_, after) = await client.SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}", streamer);
            var remaining = after.GetProperty("flashSale").GetProperty("remaining").GetInt32();
            var oversell = Math.Max(0, acknowledged + remaining - options.Units) + Math.Max(0, acknowledged - options.Units);
            Console.WriteLine($"  {server.Name}: {acknowledged} acknowledged, {soldOut} sold out, {other} other, in {seconds:0.0} s; remaining {remaining}; oversell {oversell}");
            if (oversell != 0)
            {
                report.Fail($"{server.Name}: oversold by {oversell}");
            }

            if (acknowledged + remaining != options.Units || other != 0)
            {
                report.Fail($"{server.Name}: {acknowledged} acknowledged + {remaining} remaining != {options.Units} units, {other} unexpected answers");
            }

            var record = groupCommit ? (Action<string, double>)report.System : report.Baseline;
            record("acknowledged_orders_per_s", acknowledged / seconds);
            record("buyers_answered_per_s", options.Buyers / seconds);
            record("oversell", oversell);
        }

        report.Ratio("acknowledged_orders_per_s");
        report.Ratio("buyers_answered_per_s");
        report.Ratio("oversell");
    }
}

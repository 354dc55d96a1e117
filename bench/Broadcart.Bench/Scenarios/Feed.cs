using System.Diagnostics;
using Broadcart.Client.Rest;
using Broadcart.Client.Wire;
using Broadcart.Testing;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// A region with many live rooms, half of them paid: feed requests per second with every listed
/// room charged as an impression. Baseline: the same feed read from its grain and charged on every
/// request, without the per-silo cache and batched charging. Also the overspend of a room whose
/// budget runs out during the run.
/// </summary>
public static class Feed
{
    private const string Region = "BR";

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        foreach (var (repeat, cached) in Repeats.Alternating(options.Repeats, [true, false]))
        {
            // A warm-up of each process is the setup itself: 200 rooms created, started and paid, and the feed read until full.
            await using var server = await Server.EmbeddedAsync(options, new Dictionary<string, string> { ["Feeds__Cache"] = cached.ToString() });
            var client = server.Client;
            var streamer = await client.TokenAsync("bench-feed-streamer", "streamer", Region);
            string? small = null;
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Rooms), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var (roomId, _) = await client.LiveRoomAsync($"Room {i}", homeRegion: i % 2 == 0 ? Region : "US", streamerToken: streamer);
                if (i % 2 == 1)
                {
                    // Paid into the region; room 1 gets a budget of 100 impressions to measure overspend.
                    var budget = i == 1 ? 100 * 5L : 1_000_000_00L;
                    await client.Api(streamer).SetReachAsync(roomId, new ReachSetting([Region], [], new Money("USD", budget), new Money("USD", 5000L - i)));
                    if (i == 1)
                    {
                        small = roomId;
                    }
                }
            });

            var reader = await client.TokenAsync("bench-feed-reader", "viewer", Region);
            await Eventually.Until(async () => (await client.Api(reader).GetFeedAsync(Region, 50)).Rooms.Count,
                n => n >= Math.Min(50, options.Rooms), "rooms in the feed", TimeSpan.FromSeconds(30));

            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, options.FeedRequests), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, _) =>
                await client.Http.SendAsync(client.Request(HttpMethod.Get, $"/api/feed?region={Region}&limit=20", reader)));
            var perSecond = options.FeedRequests / clock.Elapsed.TotalSeconds;

            // Wait out one charge interval so that every served impression is charged.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            var reach = await client.Api(streamer).GetReachAsync(small!);
            // Billed impressions stop at the budget; what was shown past it is counted as unbilled.
            var (billed, unbilled) = (reach.PaidImpressions, reach.UnbilledImpressions);
            var overspendImpressions = Math.Max(0, billed + unbilled - 100);
            var system = cached ? "cached-feed" : "grain-call-per-request";
            Console.WriteLine($"  repeat {repeat + 1}: {system}: {perSecond:0} requests/s; the 100-impression budget billed {billed}, showed {unbilled} unbilled");
            report.Record(system, "feed_requests_per_s", perSecond);
            report.Record(system, "overspend_impressions", overspendImpressions);
        }

        report.Compare("feed_requests_per_s", "cached-feed", "grain-call-per-request");
        report.Compare("overspend_impressions", "cached-feed", "grain-call-per-request");
    }
}

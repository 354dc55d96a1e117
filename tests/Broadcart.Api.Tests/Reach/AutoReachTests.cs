using System.Diagnostics;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Reach;

/// <summary>Auto-paced reach end to end: regions KE, TZ, UG, GH and SN are this class's alone.</summary>
[Collection(LiveClusterCollection.Name)]
public sealed class AutoReachTests(LiveCluster cluster)
{
    [Fact]
    public async Task An_auto_reach_shows_its_allocation_and_spends_past_neither_the_pace_nor_the_budget()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "KE");
        // $10 at a $2 CPM, 5,000 impressions, paced over one minute: 10 seconds' lead is 833.
        const long budgetMicros = 10_000_000;
        var clock = Stopwatch.StartNew(); // started before the reach: its elapsed is never shorter than the pacer's
        var set = await HttpAssert.Ok(room.SetReachAsync(Auto(["TZ", "UG"], budgetMinor: 10_00, plannedMinutes: 1)));
        Assert.Equal("auto", set.GetProperty("mode").GetString());
        Assert.Equal(1, set.GetProperty("plannedMinutes").GetInt32());
        AssertAllocation(set, "TZ", "UG");
        Assert.All(set.GetProperty("allocation").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("roi").ValueKind));

        await room.FeedUntilAsync("TZ", listed: true);
        var served = 1L; // the listing just seen
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                room.FeedAsync(i % 2 == 0 ? "TZ" : "UG", i % 4 < 2 ? cluster.NodeA : cluster.NodeB)));
            served += reads.Count(r => r.Paid);
            var reach = await room.ReachAsync();
            var pace = budgetMicros * Math.Min(1.0, (clock.Elapsed + TimeSpan.FromSeconds(10)) / TimeSpan.FromMinutes(1));
            var spend = reach.GetProperty("spendMicros").GetInt64();
            Assert.True(spend <= pace, $"spent {spend} micros after {clock.Elapsed}, the pace allows {pace:F0}");
            Assert.True(served * 2_000 <= pace, $"{served} paid impressions served after {clock.Elapsed}, the pace allows {pace / 2_000:F0}");
        }

        // Reading as fast as it can, the feed got far less than the budget: the pace held it back.
        Assert.True(served is > 833 and < 5_000, $"{served} paid impressions in 20 s");
        var measured = await Eventually.Until(room.ReachAsync,
            r => r.GetProperty("allocation").EnumerateArray().All(a => a.GetProperty("roi").ValueKind == JsonValueKind.Number),
            "the return measured in both regions");
        AssertAllocation(measured, "TZ", "UG");
        Assert.All(measured.GetProperty("allocation").EnumerateArray(), a => Assert.Equal(0.0, a.GetProperty("roi").GetDouble())); // nothing sold
        Assert.Equal(served, (await Eventually.Until(room.ReachAsync, r => r.GetProperty("paidImpressions").GetInt64() == served, "every served impression billed"))
            .GetProperty("paidImpressions").GetInt64());
        Assert.Equal(0, measured.GetProperty("unbilledImpressions").GetInt64());
    }

    [Theory]
    [InlineData("turbo", 30)]
    [InlineData("auto", null)]
    [InlineData("auto", 0)]
    [InlineData("auto", 1441)]
    [InlineData("manual", 30)]
    public async Task A_wrong_mode_or_planned_minutes_is_refused_and_changes_nothing(string mode, int? plannedMinutes)
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "GH");
        await HttpAssert.Ok(room.SetReachAsync(ReachScenario.Reach(["SN"], budgetMinor: 5_00)));
        await HttpAssert.Problem(room.SetReachAsync(new
        {
            regions = new[] { "SN" },
            excludedRegions = Array.Empty<string>(),
            budget = new { currency = "USD", amountMinor = 9_00 },
            bidCpm = new { currency = "USD", amountMinor = 200 },
            mode,
            plannedMinutes,
        }), 400, "validation_failed");

        var reach = await room.ReachAsync();
        Assert.Equal("manual", reach.GetProperty("mode").GetString());
        Assert.Equal(5_00, reach.GetProperty("budget").GetProperty("amountMinor").GetInt64());
        Assert.Empty(reach.GetProperty("allocation").EnumerateArray());
    }

    private static object Auto(string[] regions, long budgetMinor, int plannedMinutes) => new
    {
        regions,
        excludedRegions = Array.Empty<string>(),
        budget = new { currency = "USD", amountMinor = budgetMinor },
        bidCpm = new { currency = "USD", amountMinor = 2_00 },
        mode = "auto",
        plannedMinutes,
    };

    private static void AssertAllocation(JsonElement reach, params string[] regions)
    {
        var allocation = reach.GetProperty("allocation").EnumerateArray().ToList();
        Assert.Equal(regions, allocation.Select(a => a.GetProperty("region").GetString()));
        Assert.Equal(1.0, allocation.Sum(a => a.GetProperty("share").GetDouble()), 6);
    }
}

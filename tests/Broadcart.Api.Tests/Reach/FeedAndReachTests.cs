using System.Diagnostics;
using System.Net;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Api.Tests.Reach;

/// <summary>Each test uses home and target regions no other test uses, so feeds do not mix.</summary>
[Collection(LiveClusterCollection.Name)]
public sealed class FeedAndReachTests(LiveCluster cluster)
{
    [Fact]
    public async Task A_room_without_reach_is_in_its_home_feed_only_and_reach_adds_and_excludes_regions()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "NZ");
        await room.FeedUntilAsync("NZ", listed: true);
        Assert.False((await room.FeedAsync("AR")).Listed);
        Assert.False((await room.FeedAsync("CL")).Listed);

        var (set, reach) = await room.SetReachAsync(ReachScenario.Reach(["AR", "CL", "CO"], excluded: ["CO"]));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("active", reach.GetProperty("state").GetString());
        Assert.True((await room.FeedUntilAsync("AR", listed: true)).Paid);
        Assert.True((await room.FeedUntilAsync("CL", listed: true)).Paid);
        Assert.False((await room.FeedAsync("CO")).Listed);
        Assert.False((await room.FeedAsync("NZ")).Paid);

        // Exclusion wins over everything, the home region included.
        await room.SetReachAsync(ReachScenario.Reach(["AR"], excluded: ["NZ", "CL"]));
        await room.FeedUntilAsync("NZ", listed: false);
        await room.FeedUntilAsync("CL", listed: false);
        Assert.True((await room.FeedAsync("AR")).Listed);

        await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/end", room.StreamerToken));
        await room.FeedUntilAsync("AR", listed: false);
    }

    [Fact]
    public async Task A_thousand_paid_impressions_at_a_two_dollar_CPM_cost_exactly_two_dollars()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "IE");
        await HttpAssert.Ok(room.SetReachAsync(ReachScenario.Reach(["IS"], budgetMinor: 100_00, bidMinor: 2_00)));
        await room.FeedUntilAsync("IS", listed: true);

        var paid = 1; // the listing just seen counted too
        while (paid < 1000)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(16, 1000 - paid)).Select(_ => room.FeedAsync("IS")));
            paid += batch.Count(r => r.Paid);
        }

        var reach = await Eventually.Until(room.ReachAsync, r => r.GetProperty("paidImpressions").GetInt64() == 1000, "1000 charged impressions");
        Assert.Equal(2_000_000, reach.GetProperty("spendMicros").GetInt64());
        Assert.Equal("USD", reach.GetProperty("spend").GetProperty("currency").GetString());
        Assert.Equal(200, reach.GetProperty("spend").GetProperty("amountMinor").GetInt64());
    }

    [Fact]
    public async Task When_the_budget_runs_out_the_room_leaves_the_paid_feed_without_one_impression_past_it_and_only_that_region_hears_of_it()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "NO");
        // A $10 CPM and a $1 budget: one hundred impressions.
        await HttpAssert.Ok(room.SetReachAsync(ReachScenario.Reach(["FI"], budgetMinor: 1_00, bidMinor: 10_00)));
        var finn = await cluster.NodeA.ConnectAsync(cluster.NodeA.MintToken("finnish-viewer", region: "FI"));
        var norwegian = await cluster.NodeA.ConnectAsync(cluster.NodeA.MintToken("norwegian-viewer", region: "NO"));
        var joined = await finn.JoinAsync(room.RoomId);
        Assert.Equal("paid_reach", joined.GetProperty("geo").GetProperty("reason").GetString());
        await norwegian.JoinAsync(room.RoomId);
        await room.FeedUntilAsync("FI", listed: true);

        // Read until the room is spent, spread over both API nodes so both silos' caches lease and serve.
        var served = 1; // the listing just seen counted too
        var requests = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => room.FeedAsync("FI", (requests + i) % 2 == 0 ? cluster.NodeA : cluster.NodeB)));
            requests += results.Length;
            served += results.Count(r => r.Paid);
            if (served >= 100 && (await room.ReachAsync()).GetProperty("state").GetString() == "exhausted")
            {
                break;
            }
        }

        var reach = await Eventually.Until(room.ReachAsync, r => r.GetProperty("paidImpressions").GetInt64() == served, "every served impression charged");
        Assert.Equal(100, served);
        Assert.Equal("exhausted", reach.GetProperty("state").GetString());
        Assert.Equal(1_000_000, reach.GetProperty("spendMicros").GetInt64());
        Assert.Equal(0, reach.GetProperty("unbilledImpressions").GetInt64());

        // Spent is spent: no paid listing from either node afterwards.
        var after = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => room.FeedAsync("FI", i % 2 == 0 ? cluster.NodeA : cluster.NodeB)));
        Assert.DoesNotContain(after, r => r.Paid);

        await finn.WaitUntil(v => v.EventsNamed("geo").Any(g => g.GetProperty("reason").GetString() == "budget_exhausted"), "geo budget_exhausted in FI");
        // The reach set just before this viewer joined may also reach it as a geo (paid_reach);
        // the last word must be the exhaustion, and every geo it got is for its own region.
        var geo = finn.EventsNamed("geo").Last();
        Assert.Equal("budget_exhausted", geo.GetProperty("reason").GetString());
        Assert.False(geo.GetProperty("visible").GetBoolean());
        Assert.All(finn.EventsNamed("geo"), g => Assert.Equal("FI", g.GetProperty("region").GetString()));

        // Whatever the node sent to NO would have arrived before this chat, which it sends later.
        var streamer = await cluster.NodeA.ConnectAsync(room.StreamerToken);
        await streamer.JoinAsync(room.RoomId);
        await streamer.SendChatAsync(room.RoomId, "still live at home");
        await norwegian.WaitUntil(v => v.Chat.Any(c => c.Text == "still live at home"), "the chat after exhaustion");
        Assert.Empty(norwegian.EventsNamed("geo"));
        Assert.True((await room.FeedAsync("NO")).Listed);

        // Resuming a spent reach is refused; raising the budget brings it back.
        await HttpAssert.Problem(cluster.NodeA.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/reach/resume", room.MerchantToken, null), 409, "budget_exhausted");
    }

    [Fact]
    public async Task Sixteen_viewers_reading_800_feeds_on_two_silos_are_never_charged_past_a_one_dollar_budget()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "UY");
        // $2.00 CPM and $1.00: five hundred impressions at 2,000 micro-dollars each.
        await HttpAssert.Ok(room.SetReachAsync(ReachScenario.Reach(["PY"], budgetMinor: 1_00, bidMinor: 2_00)));
        await room.FeedUntilAsync("PY", listed: true);
        var viewers = Enumerable.Range(0, 16).Select(i => (Node: i % 2 == 0 ? cluster.NodeA : cluster.NodeB, Token: cluster.NodeA.MintToken($"py-viewer-{i}", region: "PY"))).ToList();
        var paid = await Task.WhenAll(viewers.Select(async v =>
        {
            var count = 0;
            for (var i = 0; i < 50; i++)
            {
                count += (await room.FeedAsync("PY", v.Node)).Paid ? 1 : 0;
            }

            return count;
        }));
        var served = 1 + paid.Sum();

        var reach = await Eventually.Until(room.ReachAsync, r => r.GetProperty("paidImpressions").GetInt64() == served, $"the {served} served impressions charged");
        Assert.True(served <= 500, $"{served} paid impressions served against a budget of 500");
        Assert.Equal(served * 2_000L, reach.GetProperty("spendMicros").GetInt64());
        Assert.True(reach.GetProperty("spend").GetProperty("amountMinor").GetInt64() <= 1_00);
        Assert.Equal(0, reach.GetProperty("unbilledImpressions").GetInt64());
    }

    [Fact]
    public async Task A_paused_reach_leaves_the_paid_feed_and_comes_back_on_resume()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "EC");
        await HttpAssert.Ok(room.SetReachAsync(ReachScenario.Reach(["BO"])));
        var viewer = await cluster.NodeB.ConnectAsync(cluster.NodeB.MintToken("bolivian-viewer", region: "BO"));
        await viewer.JoinAsync(room.RoomId);
        await room.FeedUntilAsync("BO", listed: true);

        var pausePath = $"/api/rooms/{room.RoomId}/reach/pause";
        await HttpAssert.Problem(cluster.NodeA.SendAsync(HttpMethod.Post, pausePath, cluster.NodeA.MintToken("bo-stranger", "merchant"), null), 403, "forbidden");
        await HttpAssert.Problem(cluster.NodeA.SendAsync(HttpMethod.Post, "/api/rooms/no-such-room/reach/pause", room.MerchantToken, null), 404, "not_found");
        var paused = await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Post, pausePath, room.MerchantToken, null));
        Assert.Equal("paused", paused.GetProperty("state").GetString());
        Assert.Equal("paused", (await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Post, pausePath, room.StreamerToken, null))).GetProperty("state").GetString());
        await room.FeedUntilAsync("BO", listed: false);
        await viewer.WaitUntil(v => v.EventsNamed("geo").Any(g => !g.GetProperty("visible").GetBoolean()), "geo: no longer reached in BO");
        Assert.True((await room.FeedAsync("EC")).Listed);

        // A new setting while paused keeps it paused.
        Assert.Equal("paused", (await HttpAssert.Ok(room.SetReachAsync(ReachScenario.Reach(["BO"], budgetMinor: 200_000)))).GetProperty("state").GetString());
        var resumed = await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/reach/resume", room.MerchantToken, null));
        Assert.Equal("active", resumed.GetProperty("state").GetString());
        await room.FeedUntilAsync("BO", listed: true);
        await viewer.WaitUntil(v => v.EventsNamed("geo").LastOrDefault() is { } g && g.GetProperty("visible").GetBoolean(), "geo: reached in BO again");
    }

    [Fact]
    public async Task Reach_settings_are_validated_and_only_the_owner_or_the_merchant_may_set_them()
    {
        var room = await ReachScenario.StartAsync(cluster, homeRegion: "PE");
        var cases = new[]
        {
            (ReachScenario.Reach(["XX"]), "region"),
            (new { regions = new[] { "US" }, excludedRegions = Array.Empty<string>(), budget = new { currency = "USD", amountMinor = 1000 }, bidCpm = new { currency = "EUR", amountMinor = 100 } }, "currency"),
            (ReachScenario.Reach(["US"], budgetMinor: 0, bidMinor: 1000), "one impression"),
            (ReachScenario.Reach(["US"], bidMinor: 0), "bidCpm"),
            (ReachScenario.Reach(["US"], currency: "ABC"), "currency"),
        };
        foreach (var (body, word) in cases)
        {
            var (response, problem) = await room.SetReachAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
            Assert.Contains(word, problem.GetProperty("detail").GetString());
        }

        var (missing, notFound) = await cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}/reach", room.MerchantToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", notFound.GetProperty("code").GetString());

        var (stranger, forbidden) = await room.SetReachAsync(ReachScenario.Reach(["US"]), cluster.NodeA.MintToken("other-merchant", "merchant"));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal("forbidden", forbidden.GetProperty("code").GetString());

        var (owner, _) = await room.SetReachAsync(ReachScenario.Reach(["US"]), room.StreamerToken);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }
}

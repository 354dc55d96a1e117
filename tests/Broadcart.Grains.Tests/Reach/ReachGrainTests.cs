using System.Collections.Immutable;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach;
using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests.Reach;

[Collection(ClusterCollection.Name)]
public sealed class ReachGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task An_exhausted_budget_takes_the_room_out_of_the_paid_region_feed()
    {
        var streamer = Actors.Viewer("reach-streamer");
        var roomId = Actors.NewRoomId();
        var room = Grains.GetGrain<ILiveRoomGrain>(roomId);
        await room.Create(new CreateRoom("Reach", "en", "SE", null, streamer));
        await room.Start(streamer);
        await room.SetReach(streamer, new ReachSetting(ImmutableArray.Create("EE"), [], new Money("USD", 100), new Money("USD", 1000)));
        Assert.Contains(await Grains.GetGrain<IRegionFeedGrain>("EE").List(), e => e.RoomId == roomId && e.Paid);

        var reach = await Grains.GetGrain<IRoomReachGrain>(roomId).Charge("EE", 150);
        Assert.Equal(ReachPhase.Exhausted, reach.Phase);
        Assert.Equal(1_000_000, reach.SpendMicros);
        Assert.Equal(100, reach.PaidImpressions);
        Assert.Equal(50, reach.UnbilledImpressions);

        await Eventually.Until(() => Grains.GetGrain<IRegionFeedGrain>("EE").List(), list => list.All(e => e.RoomId != roomId), "the room out of the EE feed");
        Assert.Equal(ReachPhase.Exhausted, (await room.GetSnapshot()).Reach!.Phase);
        Assert.Contains(await Grains.GetGrain<IRegionFeedGrain>("SE").List(), e => e.RoomId == roomId && !e.Paid);
    }

    [Fact]
    public async Task Leases_never_set_aside_more_than_the_budget_and_a_lapsed_lease_goes_back_to_it()
    {
        var streamer = Actors.Viewer("lease-streamer");
        var roomId = Actors.NewRoomId();
        var room = Grains.GetGrain<ILiveRoomGrain>(roomId);
        await room.Create(new CreateRoom("Leases", "en", "LV", null, streamer));
        await room.Start(streamer);
        // $1.00 at a $10 CPM: one hundred impressions.
        await room.SetReach(streamer, new ReachSetting(ImmutableArray.Create("LT"), [], new Money("USD", 100), new Money("USD", 1000)));
        var reach = Grains.GetGrain<IRoomReachGrain>(roomId);

        var first = await reach.Settle("LT", "silo-a", served: 0, wanted: 70);
        var second = await reach.Settle("LT", "silo-b", served: 0, wanted: 70);
        Assert.Equal(70, first.Granted);
        Assert.Equal(30, second.Granted);
        Assert.Equal(0, (await reach.Settle("LT", "silo-c", served: 0, wanted: 70)).Granted);
        Assert.Equal(0, (await reach.Settle("NO", "silo-c", served: 0, wanted: 70)).Granted);

        // A settles 50 of its 70 and asks again: the 20 it did not use are free again, B holds 30.
        Assert.Equal(20, (await reach.Settle("LT", "silo-a", served: 50, wanted: 70)).Granted);
        var view = (await reach.Get())!;
        Assert.Equal(500_000, view.SpendMicros);
        Assert.Equal(ReachPhase.Active, view.Phase);

        // Both go quiet: after the lease TTL their 50 go back to the budget.
        await Eventually.Until(() => reach.Settle("LT", "silo-probe", served: 0, wanted: 50), l => l.Granted == 50, "the lapsed leases back in the budget");
        await reach.Settle("LT", "silo-probe", served: 0, wanted: 0);

        // A leases 20; B's late report of 40 is billed from the 30 left, the other 10 shown unbilled.
        Assert.Equal(20, (await reach.Settle("LT", "silo-a", served: 0, wanted: 20)).Granted);
        var late = await reach.Settle("LT", "silo-b", served: 40, wanted: 70);
        Assert.Equal(0, late.Granted);
        view = (await reach.Get())!;
        Assert.Equal(800_000, view.SpendMicros);
        Assert.Equal(10, view.UnbilledImpressions);

        // A settles what it holds: every impression of the budget billed, none past it.
        var last = await reach.Settle("LT", "silo-a", served: 20, wanted: 10);
        Assert.False(last.PaidInRegion);
        Assert.Equal(0, last.Granted);
        view = (await reach.Get())!;
        Assert.Equal(1_000_000, view.SpendMicros);
        Assert.Equal(100, view.PaidImpressions);
        Assert.Equal(ReachPhase.Exhausted, view.Phase);
        var refused = await Assert.ThrowsAsync<BroadcartException>(() => room.SetReachPaused(streamer, false));
        Assert.Equal(CommerceErrors.BudgetExhausted, refused.Code);
    }

    [Fact]
    public async Task An_auto_reach_leases_no_more_than_the_pace_and_gives_an_idle_regions_share_to_the_busy_one()
    {
        var streamer = Actors.Viewer("auto-streamer");
        var roomId = Actors.NewRoomId();
        var room = Grains.GetGrain<ILiveRoomGrain>(roomId);
        await room.Create(new CreateRoom("Auto", "en", "LV", null, streamer));
        await room.Start(streamer);
        var before = DateTimeOffset.UtcNow;

        // $60 at a $10 CPM over an hour: 6,000 impressions, 100 a minute; ten seconds' lead is 16.
        var view = await room.SetReach(streamer, new ReachSetting(ImmutableArray.Create("MT", "CY"), [], new Money("USD", 60_00), new Money("USD", 10_00), ReachMode.Auto, 60));
        Assert.Equal(ReachMode.Auto, view.Mode);
        Assert.Equal(["MT", "CY"], view.Allocation.Select(a => a.Region));
        Assert.All(view.Allocation, a => Assert.Equal(0.5, a.Share, 6));
        Assert.All(view.Allocation, a => Assert.Null(a.Roi));

        var reach = Grains.GetGrain<IRoomReachGrain>(roomId);
        var first = await reach.Settle("MT", "silo-a", served: 0, wanted: 5_000);
        var paced = (DateTimeOffset.UtcNow - before + TimeSpan.FromSeconds(10)) / TimeSpan.FromHours(1) * 6_000;
        Assert.InRange(first.Granted, 16, paced); // CY has not asked: MT may take the whole lead
        Assert.True(first.PaidInRegion);
        var second = await reach.Settle("CY", "silo-b", served: 0, wanted: 5_000);
        Assert.True(first.Granted + second.Granted <= (DateTimeOffset.UtcNow - before + TimeSpan.FromSeconds(10)) / TimeSpan.FromHours(1) * 6_000);
        Assert.True(second.PaidInRegion); // held back by the pace, still paid there

        var refused = await Assert.ThrowsAsync<BroadcartException>(() => room.SetReach(streamer,
            new ReachSetting(ImmutableArray.Create("MT"), [], new Money("USD", 60_00), new Money("USD", 10_00), ReachMode.Auto, 1441)));
        Assert.Equal(ErrorCodes.ValidationFailed, refused.Code);
        Assert.Equal(ReachMode.Auto, (await reach.Get())!.Mode);
        Assert.Equal(60, (await reach.Get())!.PlannedMinutes);

        var manual = await room.SetReach(streamer, new ReachSetting(ImmutableArray.Create("MT", "CY"), [], new Money("USD", 60_00), new Money("USD", 10_00)));
        Assert.Equal(ReachMode.Manual, manual.Mode);
        Assert.Empty(manual.Allocation);
        Assert.Equal(6_000 - first.Granted - second.Granted, (await reach.Settle("CY", "silo-c", served: 0, wanted: 6_000)).Granted); // manual: the budget is the only cap
    }

    [Fact]
    public async Task An_auto_reach_measures_return_as_attributed_revenue_converted_into_the_budget_currency()
    {
        var streamer = Actors.Viewer("measure-streamer");
        var roomId = Actors.NewRoomId();
        var room = Grains.GetGrain<ILiveRoomGrain>(roomId);
        await room.Create(new CreateRoom("Measured", "en", "LV", null, streamer));
        await room.Start(streamer);
        await room.SetReach(streamer, new ReachSetting(ImmutableArray.Create("MT", "CY"), [], new Money("USD", 60_00), new Money("USD", 10_00), ReachMode.Auto, 60));

        // Both regions spent; MT sold a lot that no touchpoint earned (GMV is not return), CY sold
        // $6.00 and EUR 1.00 attributed to this room.
        var metrics = Grains.GetGrain<IRoomMetricsGrain>(roomId);
        await metrics.Record([
            new MetricsDelta("MT", SpendMicros: 2_000_000, SpendCurrency: "USD", Orders: 3, Revenue: new Money("USD", 100_00)),
            new MetricsDelta("CY", SpendMicros: 2_000_000, SpendCurrency: "USD"),
        ]);
        var at = DateTimeOffset.UtcNow;
        await metrics.RecordAttribution(new AttributedOrder("o-usd-" + roomId, AttributionWindow.ClickThrough, "CY", new Money("USD", 6_00), at));
        await metrics.RecordAttribution(new AttributedOrder("o-eur-" + roomId, AttributionWindow.ViewThrough, "CY", new Money("EUR", 1_00), at));
        await Eventually.Until(metrics.GetReportData, d => d.Cells.Sum(c => c.SpendMicros) == 4_000_000, "the spend recorded");

        // The reach has not measured yet (setting it does not): its first lease does.
        var reach = Grains.GetGrain<IRoomReachGrain>(roomId);
        await reach.Settle("CY", "silo-a", served: 0, wanted: 10);
        var allocation = (await reach.Get())!.Allocation.ToDictionary(a => a.Region);

        Assert.Equal(0, allocation["MT"].Roi!.Value, 6);
        // (600 + floor(100 x 1.1612)) / 200 at the shipped 2026-12-01 reference rate.
        Assert.Equal(3.58, allocation["CY"].Roi!.Value, 6);
    }
}

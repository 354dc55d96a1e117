using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;
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
        Assert.Equal(1_500_000, reach.SpendMicros);

        await Eventually.Until(() => Grains.GetGrain<IRegionFeedGrain>("EE").List(), list => list.All(e => e.RoomId != roomId), "the room out of the EE feed");
        Assert.Equal(ReachPhase.Exhausted, (await room.GetSnapshot()).Reach!.Phase);
        Assert.Contains(await Grains.GetGrain<IRegionFeedGrain>("SE").List(), e => e.RoomId == roomId && !e.Paid);
    }
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;
using Broadcart.Grains.Payouts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Broadcart.Grains.Tests.Payouts;

/// <summary>A payout crosses grain boundaries and is stored with the Orleans serializer: its rates (decimal) and day (DateOnly) survive exactly.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PayoutSerializationTests(ClusterFixture fixture)
{
    [Fact]
    public void A_payout_and_the_payouts_state_round_trip_exactly()
    {
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        var method = new PayoutMethod("local", "HK", "HKD", "hoi-account-1");
        var payout = new Payout("p1", "key-1", PayoutStatus.Submitted, new Money("HKD", 5_174),
            [new FxConversion(new Money("CNY", 2_499), new Money("HKD", 2_747), 1.0994098679m, new DateOnly(2026, 12, 1)),
             new FxConversion(new Money("USD", 312), new Money("HKD", 2_427), 7.7811746469m, new DateOnly(2026, 12, 1))],
            1.0994098679m, new DateOnly(2026, 12, 1), method, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), "lt_p1");

        var copy = serializer.Deserialize<Payout>(serializer.SerializeToArray(payout))!;
        Assert.Equal(payout with { Sources = [] }, copy with { Sources = [] });
        Assert.Equal(payout.Sources.ToArray(), copy.Sources.ToArray());

        var state = new CreatorPayoutsState { Method = method, Payouts = [payout] };
        state.Preparing["key-2"] = DateTimeOffset.UnixEpoch;
        state.AwaitingRail.Add("p1");
        var stored = serializer.Deserialize<CreatorPayoutsState>(serializer.SerializeToArray(state))!;
        Assert.Equal(method, stored.Method);
        Assert.Equal("p1", Assert.Single(stored.Payouts).PayoutId);
        Assert.Equal(["key-2"], stored.Preparing.Keys);
        Assert.Equal(["p1"], stored.AwaitingRail);
    }
}

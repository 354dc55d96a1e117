using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Creators;

public sealed class DealTests
{
    [Fact]
    public async Task Only_verified_creators_with_enough_followers_accept_a_merchants_deal()
    {
        await using var node = await CreatorSetup.NodeAsync();
        var merchant = await node.TokenAsync("deal-merchant", "merchant");
        var otherMerchant = await node.TokenAsync("other-merchant", "merchant");
        var productId = await node.ProductAsync(merchant, stock: 100);

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/deals", otherMerchant, new { productId, commissionBps = 1000 }), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = 0 }), 400, "validation_failed");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = 1000, regions = new[] { "XX" } }), 400, "validation_failed");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/deals", await node.TokenAsync("a-viewer"), new { productId, commissionBps = 1000 }), 403, "forbidden");
        var deal = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = 1250 }));
        var dealId = deal.GetProperty("dealId").GetString()!;
        Assert.Equal(1000, deal.GetProperty("minFollowers").GetInt64());

        // Not verified: refused whatever the followers.
        var unverified = await node.TokenAsync("unverified-uma", "streamer");
        await node.LiveRoomAsync(streamerToken: unverified, start: false);
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", unverified, null), 403, "not_verified");

        // Verified with 999 followers: refused; with the thousandth, accepted, once.
        var creator = await CreatorSetup.VerifiedCreatorAsync(node, "creator-kai", "US", "Kai");
        await CreatorSetup.FollowAsync(node, "creator-kai", 999, "kai-fan");
        var refused = await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", creator, null), 403, "not_enough_followers");
        Assert.Contains("999", refused.GetProperty("detail").GetString());
        var listed = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/deals", creator));
        Assert.DoesNotContain(listed.GetProperty("deals").EnumerateArray(), d => d.GetProperty("dealId").GetString() == dealId);

        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/creators/creator-kai/follow", node.MintToken("kai-fan-1000")));
        Assert.Contains(
            (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/deals", creator))).GetProperty("deals").EnumerateArray(),
            d => d.GetProperty("dealId").GetString() == dealId && !d.GetProperty("accepted").GetBoolean());
        var accepted = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", creator, null));
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        Assert.Equal(1, (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", creator, null))).GetProperty("acceptedCount").GetInt32());

        var mine = Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/deals", merchant))).GetProperty("deals").EnumerateArray());
        Assert.Equal(["creator-kai"], mine.GetProperty("acceptedBy").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/deals", otherMerchant))).GetProperty("deals").EnumerateArray());
    }

    [Fact]
    public async Task A_deal_for_some_regions_is_offered_only_to_creators_there()
    {
        await using var node = await CreatorSetup.NodeAsync();
        var merchant = await node.TokenAsync("regional-merchant", "merchant");
        var productId = await node.ProductAsync(merchant, stock: 100);
        var deal = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = 800, minFollowers = 0, regions = new[] { "hk" } }));
        var dealId = deal.GetProperty("dealId").GetString()!;
        var inHongKong = await CreatorSetup.VerifiedCreatorAsync(node, "creator-hk", "HK");
        var inGermany = await CreatorSetup.VerifiedCreatorAsync(node, "creator-de", "DE");

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", inGermany, null), 403, "forbidden");
        Assert.Empty((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/deals", inGermany))).GetProperty("deals").EnumerateArray());
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", inHongKong, null));
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/deals/no-such-deal/accept", inHongKong, null), 404, "not_found");
    }
}

using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Creators;

/// <summary>A deal's commission as the creator sees it: earned by a paid order in their room, once, and taken back by a refund.</summary>
public sealed class CommissionTests
{
    private static async Task<JsonElement> EarningsAsync(ApiNode node, string token) =>
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/me/earnings", token));

    private static long Sum(JsonElement balances, string currency) =>
        balances.EnumerateArray().Where(m => m.GetProperty("currency").GetString() == currency).Sum(m => m.GetProperty("amountMinor").GetInt64());

    [Fact]
    public async Task A_paid_order_in_the_creators_room_earns_the_deals_commission_once_and_a_refund_takes_it_back()
    {
        await using var node = await CreatorSetup.NodeAsync(new Dictionary<string, string?> { ["Payouts:HoldPeriod"] = "00:00:02" });
        var merchant = await node.TokenAsync("commission-merchant", "merchant");
        var productId = await node.ProductAsync(merchant, stock: 20);
        var dealId = (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = 1250, minFollowers = 0 })))
            .GetProperty("dealId").GetString()!;
        var creator = await CreatorSetup.VerifiedCreatorAsync(node, "creator-ivy", "US", "Ivy");
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", creator, null));
        var room = await node.LiveRoomAsync(streamerToken: creator);
        await node.PlaceAsync(room, productId, ProductPlacement.Pinned);

        // The same product sold in another streamer's room earns Ivy nothing.
        var otherRoom = await node.LiveRoomAsync();
        await node.PlaceAsync(otherRoom, productId, ProductPlacement.Pinned);
        var buyer = node.MintToken("commission-buyer");
        var elsewhere = await OrderAsync(node, otherRoom.RoomId, productId, buyer, "elsewhere");
        await HttpAssert.Ok(node.NotifyAsync(elsewhere, "pay_elsewhere", "succeeded"));

        // 2,500 US cents x 12.5% = 312.5: rounded down to 312.
        var orderId = await OrderAsync(node, room.RoomId, productId, buyer, "ivy-1");
        var unpaid = await EarningsAsync(node, creator);
        Assert.Empty(unpaid.GetProperty("entries").EnumerateArray());
        await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_ivy_1", "succeeded"));

        // The provider retries, also after every activation is gone: still one entry.
        await node.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_ivy_1", "succeeded"));
        var earned = await EarningsAsync(node, creator);
        var entry = Assert.Single(earned.GetProperty("entries").EnumerateArray());
        Assert.Equal(orderId, entry.GetProperty("orderId").GetString());
        Assert.Equal(dealId, entry.GetProperty("dealId").GetString());
        Assert.Equal(312, entry.GetProperty("amount").GetProperty("amountMinor").GetInt64());
        Assert.Equal("USD", entry.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal("pending", entry.GetProperty("state").GetString());
        Assert.Equal(312, Sum(earned.GetProperty("pending"), "USD"));
        Assert.Equal(0, Sum(earned.GetProperty("available"), "USD"));

        // After the hold period it is available; a second order is refunded and never becomes so.
        var refundedOrder = await OrderAsync(node, room.RoomId, productId, buyer, "ivy-2");
        await HttpAssert.Ok(node.NotifyAsync(refundedOrder, "pay_ivy_2", "succeeded"));
        Assert.Equal(624, Sum((await EarningsAsync(node, creator)).GetProperty("pending"), "USD"));
        await HttpAssert.Ok(node.NotifyAsync(refundedOrder, "pay_ivy_2", "refunded"));
        await HttpAssert.Ok(node.NotifyAsync(refundedOrder, "pay_ivy_2", "refunded"));
        var released = await Eventually.Until(
            () => EarningsAsync(node, creator), e => Sum(e.GetProperty("available"), "USD") > 0, "the commission to be released after the hold period");
        Assert.Equal(312, Sum(released.GetProperty("available"), "USD"));
        Assert.Equal(0, Sum(released.GetProperty("pending"), "USD"));
        var states = released.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("orderId").GetString()!, e => e.GetProperty("state").GetString());
        Assert.Equal(new Dictionary<string, string?> { [orderId] = "available", [refundedOrder] = "reversed" }, states);

        // The merchant sees what the deal owes: the refunded order's commission is not in it.
        var merchantDeal = Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/deals", merchant))).GetProperty("deals").EnumerateArray());
        var owed = Assert.Single(merchantDeal.GetProperty("commissionOwed").EnumerateArray());
        Assert.Equal(("USD", 312L), (owed.GetProperty("currency").GetString(), owed.GetProperty("amountMinor").GetInt64()));
        Assert.Equal(JsonValueKind.Null, (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/deals", creator))).GetProperty("deals")[0].GetProperty("commissionOwed").ValueKind);

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/creators/me/earnings", buyer), 403, "forbidden");
    }

    private static async Task<string> OrderAsync(ApiNode node, string roomId, string productId, string buyer, string key) =>
        (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity = 1, idempotencyKey = key })))
            .GetProperty("orderId").GetString()!;
}

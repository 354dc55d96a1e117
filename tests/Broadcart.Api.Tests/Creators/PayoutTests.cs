using System.Net;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Api.Tests.Payouts;
using Broadcart.Grains.Payouts;
using Broadcart.Grains.Payouts.Wise;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Creators;

/// <summary>
/// Issue 15's done-when: creators abroad earn commission on a CNY-priced product and are paid in
/// their own currency at the shipped day's reference rates (2026-12-01: 1 EUR = 1.1612 USD =
/// 8.2185 CNY = 9.0355 HKD), once per idempotency key.
/// </summary>
public sealed class PayoutTests
{
    // 199.99 CNY at 12.5%: floor(19,999 x 1,250 / 10,000) = 2,499 fen a unit.
    private const long PriceFen = 19_999;
    private const int CommissionBps = 1_250;

    private static readonly Dictionary<string, string?> TwoSecondHold = new() { ["Payouts:HoldPeriod"] = "00:00:02" };

    [Fact]
    public async Task A_US_and_an_HK_creator_are_paid_their_commission_in_USD_and_HKD_once_despite_retries()
    {
        await using var node = await CreatorSetup.NodeAsync(TwoSecondHold);
        var merchant = await node.TokenAsync("payout-merchant", "merchant");
        var productId = await node.ProductAsync(merchant, stock: 50, "Tea set", [new("US", "CNY", PriceFen), new("HK", "CNY", PriceFen), new("CN", "CNY", PriceFen)]);
        var dealId = (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = CommissionBps })))
            .GetProperty("dealId").GetString()!;

        var ava = await CreatorSetup.VerifiedCreatorAsync(node, "creator-ava", "US", "Ava");
        var hoi = await CreatorSetup.VerifiedCreatorAsync(node, "creator-hoi", "HK", "Hoi");
        var nia = await CreatorSetup.VerifiedCreatorAsync(node, "creator-nia", "US", "Nia");
        var una = await node.TokenAsync("creator-una", "streamer", "US", "Una");
        await CreatorSetup.FollowAsync(node, "creator-ava", 1000, "ava-fan");
        await CreatorSetup.FollowAsync(node, "creator-hoi", 1000, "hoi-fan");
        await CreatorSetup.FollowAsync(node, "creator-nia", 999, "nia-fan");

        // The deal asks for 1,000 followers (the default) and verification.
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", ava, null));
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", hoi, null));
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", nia, null), 403, "not_enough_followers");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", una, null), 403, "not_verified");

        var avaRoom = await node.LiveRoomAsync(streamerToken: ava);
        var hoiRoom = await node.LiveRoomAsync(streamerToken: hoi);
        await node.PlaceAsync(avaRoom, productId, ProductPlacement.Pinned);
        await node.PlaceAsync(hoiRoom, productId, ProductPlacement.Pinned);
        var usBuyer = node.MintToken("payout-buyer-us", region: "US");
        var hkBuyer = node.MintToken("payout-buyer-hk", region: "HK");

        // Ava: 1 + 2 units paid (2,499 + 4,999 fen), 1 unit paid then refunded.
        await PaidOrderAsync(node, avaRoom.RoomId, productId, usBuyer, 1, "ava-a");
        await PaidOrderAsync(node, avaRoom.RoomId, productId, usBuyer, 2, "ava-b");
        var refunded = await PaidOrderAsync(node, avaRoom.RoomId, productId, usBuyer, 1, "ava-c");
        await HttpAssert.Ok(node.NotifyAsync(refunded, "pay_ava-c", "refunded"));

        // Hoi: 1 + 3 units paid (2,499 + 7,499 fen).
        await PaidOrderAsync(node, hoiRoom.RoomId, productId, hkBuyer, 1, "hoi-a");
        await PaidOrderAsync(node, hoiRoom.RoomId, productId, hkBuyer, 3, "hoi-b");

        var avaEarned = await EarningsAsync(node, ava);
        Assert.Equal([2_499, 4_999, 2_499], avaEarned.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("amount").GetProperty("amountMinor").GetInt64()));
        Assert.Equal(7_498, Sum(avaEarned.GetProperty("pending"), "CNY"));

        // Before a method is set, and while everything is pending, there is nothing to pay.
        await HttpAssert.Problem(PayoutAsync(node, hoi, "hoi-too-early"), 409, "no_payout_method");
        await HttpAssert.Problem(PayoutAsync(node, una, "una-1"), 403, "not_verified");

        // Methods: the currency must be one the rates give, the country alpha-2, the rail this deployment's.
        await HttpAssert.Problem(MethodAsync(node, ava, "local", "US", "KWD", "ava@example.com"), 400, "validation_failed");
        await HttpAssert.Problem(MethodAsync(node, ava, "local", "USA", "USD", "ava@example.com"), 400, "validation_failed");
        await HttpAssert.Problem(MethodAsync(node, ava, "wise", "US", "USD", "ava@example.com"), 400, "validation_failed");
        await HttpAssert.Problem(MethodAsync(node, ava, "local", "US", "USD", ""), 400, "validation_failed");
        var avaMethod = await HttpAssert.Ok(MethodAsync(node, ava, "local", "US", "USD", "ava@example.com"));
        Assert.Equal("USD", avaMethod.GetProperty("currency").GetString());
        await HttpAssert.Ok(MethodAsync(node, hoi, "local", "HK", "HKD", "hoi-account-1"));
        Assert.Equal("HKD", (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/creator-hoi", usBuyer))).GetProperty("payoutCurrency").GetString());
        await HttpAssert.Problem(PayoutAsync(node, ava, "ava-too-early"), 409, "nothing_to_pay");

        await Eventually.Until(() => EarningsAsync(node, ava), e => Sum(e.GetProperty("available"), "CNY") == 7_498, "Ava's commission to pass the hold period");
        await Eventually.Until(() => EarningsAsync(node, hoi), e => Sum(e.GetProperty("available"), "CNY") == 9_998, "Hoi's commission to pass the hold period");

        // Ava retries at once, five times, and once more after every activation is gone.
        // 74.98 CNY x 1.1612 / 8.2185 = 10.5944... USD: 1,059 cents.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PayoutAsync(node, ava, "ava-payout-1")));
        await node.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        answers = [.. answers, await PayoutAsync(node, ava, "ava-payout-1")];
        Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.Response.IsSuccessStatusCode, a.Body.ToString()));
        var avaPayout = answers.Single(a => a.Response.StatusCode == HttpStatusCode.Created).Body;
        Assert.All(answers, a => Assert.Equal(avaPayout.GetProperty("payoutId").GetString(), a.Body.GetProperty("payoutId").GetString()));
        Assert.Equal("submitted", avaPayout.GetProperty("status").GetString());
        AssertMoney(avaPayout.GetProperty("amount"), "USD", 1_059);
        AssertMoney(Assert.Single(avaPayout.GetProperty("source").EnumerateArray()), "CNY", 7_498);
        Assert.Equal(0.1412909898m, avaPayout.GetProperty("fxRate").GetDecimal());
        Assert.Equal("2026-12-01", avaPayout.GetProperty("rateDate").GetString());

        // 99.98 CNY x 9.0355 / 8.2185 = 109.9179... HKD: 10,991 cents.
        var hoiAnswers = await Task.WhenAll(PayoutAsync(node, hoi, "hoi-payout-1"), PayoutAsync(node, hoi, "hoi-payout-1"));
        var hoiPayout = hoiAnswers[0].Body;
        Assert.Equal(hoiPayout.GetProperty("payoutId").GetString(), hoiAnswers[1].Body.GetProperty("payoutId").GetString());
        AssertMoney(hoiPayout.GetProperty("amount"), "HKD", 10_991);
        Assert.Equal(1.0994098679m, hoiPayout.GetProperty("fxRate").GetDecimal());

        // The rail recorded one transfer per creator, of exactly those amounts, however often they asked.
        var rail = node.Services.GetRequiredService<LocalPayoutRail>();
        Assert.Equal(2, rail.Transfers.Count);
        Assert.Equal(new Broadcart.Grains.Common.Money("USD", 1_059), rail.Transfers.Single(t => t.Request.IdempotencyKey == avaPayout.GetProperty("payoutId").GetString()).Request.Amount);
        Assert.Equal(new Broadcart.Grains.Common.Money("HKD", 10_991), rail.Transfers.Single(t => t.Request.IdempotencyKey == hoiPayout.GetProperty("payoutId").GetString()).Request.Amount);
        Assert.Equal("hoi-account-1", rail.Transfers.Single(t => t.Request.Amount.Currency == "HKD").Request.Destination.AccountRef);

        // The ledger: available is zero, paid out is what left, each order says where it stands.
        var avaAfter = await EarningsAsync(node, ava);
        Assert.Equal(0, Sum(avaAfter.GetProperty("available"), "CNY"));
        Assert.Equal(7_498, Sum(avaAfter.GetProperty("paidOut"), "CNY"));
        Assert.Equal(["paidOut", "paidOut", "reversed"], avaAfter.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("state").GetString()));
        Assert.Equal(9_998, Sum((await EarningsAsync(node, hoi)).GetProperty("paidOut"), "CNY"));

        // A new key finds nothing left; the list shows the one payout, paid by the local rail.
        await HttpAssert.Problem(PayoutAsync(node, ava, "ava-payout-2"), 409, "nothing_to_pay");
        var listed = Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/me/payouts", ava))).GetProperty("payouts").EnumerateArray());
        Assert.Equal(avaPayout.GetProperty("payoutId").GetString(), listed.GetProperty("payoutId").GetString());
        Assert.Equal("paid", listed.GetProperty("status").GetString());

        // A viewer reads no one's earnings, payouts or identity documents; a creator reads no one else's documents.
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/creators/me/earnings", usBuyer), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/creators/me/payouts", usBuyer), 403, "forbidden");
        await HttpAssert.Problem(PayoutAsync(node, usBuyer, "steal"), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/admin/verifications?status=verified", usBuyer), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/admin/verifications?status=verified", hoi), 403, "forbidden");
        Assert.Empty((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/me/payouts", una))).GetProperty("payouts").EnumerateArray());
    }

    [Fact]
    public async Task Commission_in_two_currencies_is_converted_source_by_source_into_one_payout()
    {
        await using var node = await CreatorSetup.NodeAsync(TwoSecondHold);
        var merchant = await node.TokenAsync("two-currency-merchant", "merchant");
        var productId = await node.ProductAsync(merchant, stock: 10, "Fan", [new("HK", "CNY", PriceFen), new("US", "USD", 2_500)]);
        var dealId = (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = CommissionBps, minFollowers = 0 })))
            .GetProperty("dealId").GetString()!;
        var mei = await CreatorSetup.VerifiedCreatorAsync(node, "creator-mei", "HK", "Mei");
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", mei, null));
        var room = await node.LiveRoomAsync(streamerToken: mei);
        await node.PlaceAsync(room, productId, ProductPlacement.Pinned);
        await PaidOrderAsync(node, room.RoomId, productId, node.MintToken("mei-buyer-hk", region: "HK"), 1, "mei-hk");
        await PaidOrderAsync(node, room.RoomId, productId, node.MintToken("mei-buyer-us", region: "US"), 1, "mei-us");
        await HttpAssert.Ok(MethodAsync(node, mei, "local", "HK", "HKD", "mei-account"));
        await Eventually.Until(() => EarningsAsync(node, mei), e => e.GetProperty("available").GetArrayLength() == 2, "both commissions to be available");

        // 24.99 CNY x 9.0355 / 8.2185 = 27.47 HKD; 3.12 USD x 9.0355 / 1.1612 = 24.27 HKD: each rounded down alone.
        var payout = await HttpAssert.Ok(PayoutAsync(node, mei, "mei-1"));
        AssertMoney(payout.GetProperty("amount"), "HKD", 2_747 + 2_427);
        var conversions = payout.GetProperty("conversions").EnumerateArray().ToDictionary(c => c.GetProperty("source").GetProperty("currency").GetString()!);
        AssertMoney(conversions["CNY"].GetProperty("source"), "CNY", 2_499);
        AssertMoney(conversions["CNY"].GetProperty("converted"), "HKD", 2_747);
        Assert.Equal(1.0994098679m, conversions["CNY"].GetProperty("rate").GetDecimal());
        AssertMoney(conversions["USD"].GetProperty("source"), "USD", 312);
        AssertMoney(conversions["USD"].GetProperty("converted"), "HKD", 2_427);
        Assert.Equal(7.7811746469m, conversions["USD"].GetProperty("rate").GetDecimal());
        Assert.Equal(2, payout.GetProperty("source").GetArrayLength());

        // fxRate is the largest source's.
        Assert.Equal(1.0994098679m, payout.GetProperty("fxRate").GetDecimal());
        var after = await EarningsAsync(node, mei);
        Assert.Empty(after.GetProperty("available").EnumerateArray());
        Assert.Equal(2, after.GetProperty("paidOut").GetArrayLength());
    }

    [Fact]
    public async Task Through_Wise_a_payout_whose_transfer_timed_out_is_made_once_when_retried_with_its_key()
    {
        await using var wise = await WiseStub.StartAsync();

        // Every attempt of the first request times out (the stub makes the transfer but answers late).
        wise.HoldTransferAnswers = 3;
        var settings = WisePayoutRailTests.Settings(wise);
        settings["Payouts:HoldPeriod"] = "00:00:01";
        await using var node = await CreatorSetup.NodeAsync(settings);
        var merchant = await node.TokenAsync("wise-merchant", "merchant");
        var productId = await node.ProductAsync(merchant, stock: 5, "Lamp", [new("US", "CNY", PriceFen)]);
        var dealId = (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", merchant, new { productId, commissionBps = CommissionBps, minFollowers = 0 })))
            .GetProperty("dealId").GetString()!;
        var zoe = await CreatorSetup.VerifiedCreatorAsync(node, "creator-zoe", "US", "Zoe");
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/deals/{dealId}/accept", zoe, null));
        var room = await node.LiveRoomAsync(streamerToken: zoe);
        await node.PlaceAsync(room, productId, ProductPlacement.Pinned);
        await PaidOrderAsync(node, room.RoomId, productId, node.MintToken("zoe-buyer", region: "US"), 1, "zoe-1");
        await HttpAssert.Problem(MethodAsync(node, zoe, "wise", "US", "USD", "not an account"), 400, "validation_failed");
        await HttpAssert.Ok(MethodAsync(node, zoe, "wise", "US", "USD", "31415926"));
        await Eventually.Until(() => EarningsAsync(node, zoe), e => Sum(e.GetProperty("available"), "CNY") == 2_499, "the commission to be available");

        // 24.99 CNY x 1.1612 / 8.2185 = 3.5308... USD: 353 cents. The ledger has paid out; the rail has not answered.
        var first = await HttpAssert.Ok(PayoutAsync(node, zoe, "zoe-payout"));
        var payoutId = first.GetProperty("payoutId").GetString()!;
        Assert.Equal("submitted", first.GetProperty("status").GetString());
        AssertMoney(first.GetProperty("amount"), "USD", 353);
        Assert.Equal(0, Sum((await EarningsAsync(node, zoe)).GetProperty("available"), "CNY"));
        var made = Assert.Single(wise.Transfers);
        Assert.Equal(0, made.Fundings);

        // The creator retries with the key: the same customerTransactionId reaches the transfer made before, which is funded once.
        var retried = await PayoutAsync(node, zoe, "zoe-payout");
        Assert.Equal(HttpStatusCode.OK, retried.Response.StatusCode);
        Assert.Equal(payoutId, retried.Body.GetProperty("payoutId").GetString());
        Assert.Single(wise.Transfers);
        Assert.Equal(WisePayoutRail.CustomerTransactionId(payoutId), made.CustomerTransactionId);
        Assert.Equal(31415926, made.TargetAccount);
        Assert.Equal(1, made.Fundings);
        Assert.Equal(3.53m, wise.QuoteOf(made).GetProperty("targetAmount").GetDecimal());
        await PayoutAsync(node, zoe, "zoe-payout");
        Assert.Equal(1, wise.Fundings);

        // Wise sends the money: the list says paid.
        wise.SetStatus(made.Id, "outgoing_payment_sent");
        var listed = Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/me/payouts", zoe))).GetProperty("payouts").EnumerateArray());
        Assert.Equal("paid", listed.GetProperty("status").GetString());
    }

    private static async Task<string> PaidOrderAsync(ApiNode node, string roomId, string productId, string buyer, int quantity, string key)
    {
        var orderId = (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/orders", buyer, new { productId, quantity, idempotencyKey = key })))
            .GetProperty("orderId").GetString()!;
        await HttpAssert.Ok(node.NotifyAsync(orderId, $"pay_{key}", "succeeded"));
        return orderId;
    }

    private static Task<(HttpResponseMessage Response, JsonElement Body)> PayoutAsync(ApiNode node, string token, string key) =>
        node.SendAsync(HttpMethod.Post, "/api/creators/me/payouts", token, new { idempotencyKey = key });

    private static Task<(HttpResponseMessage Response, JsonElement Body)> MethodAsync(ApiNode node, string token, string rail, string country, string currency, string accountRef) =>
        node.SendAsync(HttpMethod.Put, "/api/creators/me/payout-method", token, new { rail, country, currency, accountRef });

    private static async Task<JsonElement> EarningsAsync(ApiNode node, string token) =>
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/me/earnings", token));

    private static long Sum(JsonElement balances, string currency) =>
        balances.EnumerateArray().Where(m => m.GetProperty("currency").GetString() == currency).Sum(m => m.GetProperty("amountMinor").GetInt64());

    private static void AssertMoney(JsonElement money, string currency, long amountMinor)
    {
        Assert.Equal(currency, money.GetProperty("currency").GetString());
        Assert.Equal(amountMinor, money.GetProperty("amountMinor").GetInt64());
    }
}

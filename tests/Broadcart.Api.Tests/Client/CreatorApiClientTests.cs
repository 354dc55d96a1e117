using System.Net;
using Broadcart.Api.Tests.Creators;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Client;
using Broadcart.Client.Rest;
using Broadcart.Client.Wire;

namespace Broadcart.Api.Tests.Client;

/// <summary>The creator economy through the .NET client alone, on Azurite: uploads, verification, a deal, commission and a payout abroad.</summary>
public sealed class CreatorApiClientTests
{
    [Fact]
    public async Task A_creator_is_verified_earns_commission_and_is_paid_in_EUR_once_and_refusals_carry_their_code()
    {
        await using var node = await CreatorSetup.NodeAsync(new Dictionary<string, string?> { ["Payouts:HoldPeriod"] = "00:00:02" });
        using var http = new HttpClient();
        BroadcartApiClient As(string token) => new(http, new ApiClientOptions { BaseAddress = node.BaseUrl, AccessToken = () => Task.FromResult<string?>(token) });
        var merchant = As(node.MintToken("sdk-c-merchant", "merchant"));
        var creator = As(node.MintToken("sdk-creator", "streamer", region: "DE", name: "Dana"));
        var rejected = As(node.MintToken("sdk-creator-2", "streamer", region: "FR"));
        var admin = As(node.MintToken("sdk-admin", "admin"));
        var buyer = As(node.MintToken("sdk-c-buyer"));

        // A product image goes straight to storage and is then public at its URL.
        var image = await merchant.UploadAsync("productImage", "image/png", CreatorSetup.Passport);
        Assert.NotNull(image.Url);
        Assert.Equal(CreatorSetup.Passport, await http.GetByteArrayAsync(image.Url));
        var product = await merchant.CreateProductAsync(new NewProduct("SDK lamp", 10, [new("US", "USD", 100_00)], ["US"], ImageUrl: image.Url));
        Assert.Equal(image.Url, product.ImageUrl);
        var tooBig = await Assert.ThrowsAsync<BroadcartApiException>(() => merchant.CreateUploadAsync(new NewUpload("productImage", "image/png", 50_000_000)));
        Assert.Equal(("validation_failed", HttpStatusCode.BadRequest), (tooBig.Code, tooBig.Status));

        // Verification documents are private: a media id, no public URL; admins read them through short-lived links.
        var document = await creator.UploadAsync("verification", "image/png", CreatorSetup.Passport);
        var selfie = await creator.UploadAsync("verification", "image/png", CreatorSetup.Selfie);
        Assert.Equal((null, true), (document.Url, document.MediaId is { Length: > 0 }));
        Assert.Equal("pending", await creator.SubmitVerificationAsync(new VerificationSubmission("Dana Weber", "DE", document.MediaId!, selfie.MediaId!)));
        var fredsDocument = await rejected.UploadAsync("verification", "image/png", CreatorSetup.Selfie);
        var same = await Assert.ThrowsAsync<BroadcartApiException>(() =>
            rejected.SubmitVerificationAsync(new VerificationSubmission("Fred", "FR", fredsDocument.MediaId!, fredsDocument.MediaId!)));
        Assert.Equal(("validation_failed", HttpStatusCode.BadRequest), (same.Code, same.Status));
        var fredsSelfie = await rejected.UploadAsync("verification", "image/png", CreatorSetup.Selfie);
        await rejected.SubmitVerificationAsync(new VerificationSubmission("Fred", "FR", fredsDocument.MediaId!, fredsSelfie.MediaId!));
        var notAdmin = await Assert.ThrowsAsync<BroadcartApiException>(() => creator.ListVerificationsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.Status);

        var queue = await admin.ListVerificationsAsync();
        Assert.Equal("pending", queue.Status);
        var dana = Assert.Single(queue.Verifications, c => c.CreatorId == "sdk-creator");
        Assert.Equal("Dana Weber", dana.LegalName);
        Assert.Equal(["document", "selfie"], dana.Documents.Select(d => d.Kind));
        Assert.Equal(CreatorSetup.Passport, await http.GetByteArrayAsync(dana.Documents[0].ReadUrl));
        Assert.Equal("verified", (await admin.ApproveVerificationAsync("sdk-creator")).Verification);
        Assert.Equal("rejected", (await admin.RejectVerificationAsync("sdk-creator-2", "the selfie is the document")).Verification);
        Assert.Equal("the selfie is the document", Assert.Single((await admin.ListVerificationsAsync("rejected")).Verifications).Reason);
        Assert.DoesNotContain((await admin.ListVerificationsAsync()).Verifications, c => c.CreatorId is "sdk-creator" or "sdk-creator-2");

        // A deal taken, a show, a paid order: 10% of 100.00 USD.
        var deal = await merchant.CreateDealAsync(new NewDeal(product.Id, 1_000, MinFollowers: 0));
        Assert.True((await creator.AcceptDealAsync(deal.DealId)).Accepted);
        var room = await creator.CreateRoomAsync(new NewRoom("Dana's lamps", HomeRegion: "US"));
        await creator.StartRoomAsync(room.RoomId);
        await creator.AddToShowcaseAsync(room.RoomId, product.Id);
        var order = await buyer.PlaceOrderAsync(room.RoomId, new NewOrder(product.Id, 1, "sdk-c-order"));
        await HttpAssert.Ok(node.NotifyAsync(order.OrderId, "pay_sdk-c-order", "succeeded"));

        var noMethod = await Assert.ThrowsAsync<BroadcartApiException>(() => creator.GetPayoutMethodAsync());
        Assert.Equal(("not_found", HttpStatusCode.NotFound), (noMethod.Code, noMethod.Status));
        var unverified = await Assert.ThrowsAsync<BroadcartApiException>(() => rejected.RequestPayoutAsync("sdk-fred-1"));
        Assert.Equal(("not_verified", HttpStatusCode.Forbidden), (unverified.Code, unverified.Status));

        var method = new PayoutMethod("local", "DE", "EUR", "DE89370400440532013000");
        Assert.Equal(method, await creator.SetPayoutMethodAsync(method));
        Assert.Equal(method, await creator.GetPayoutMethodAsync());
        var pending = await creator.GetEarningsAsync();
        Assert.Equal(("EUR", order.OrderId, new Money("USD", 10_00)), (pending.PayoutCurrency, Assert.Single(pending.Entries).OrderId, pending.Entries[0].Amount));
        await Eventually.Until(() => creator.GetEarningsAsync(), e => e.Available.Contains(new Money("USD", 10_00)), "the commission to pass the hold period");

        // 10.00 USD at 1 EUR = 1.1612 USD (the shipped rates' day) is 8.6117... EUR: 861 cents, quoted and then paid once for one key.
        var quote = await creator.QuotePayoutAsync();
        Assert.Equal((new Money("EUR", 861), "local"), (quote.Amount, quote.Rail));
        var payouts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => creator.RequestPayoutAsync("sdk-payout-1")));
        Assert.Single(payouts.Select(p => p.PayoutId).Distinct());
        Assert.Equal((new Money("EUR", 861), new Money("USD", 10_00)), (payouts[0].Amount, Assert.Single(payouts[0].Source)));
        Assert.Equal(payouts[0].PayoutId, Assert.Single(await creator.ListPayoutsAsync()).PayoutId);
        var nothing = await Assert.ThrowsAsync<BroadcartApiException>(() => creator.RequestPayoutAsync("sdk-payout-2"));
        Assert.Equal(("nothing_to_pay", HttpStatusCode.Conflict), (nothing.Code, nothing.Status));
        Assert.Equal("paidOut", Assert.Single((await creator.GetEarningsAsync()).Entries).State);
    }
}

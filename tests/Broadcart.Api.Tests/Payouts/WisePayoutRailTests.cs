using Broadcart.Grains.Common;
using Broadcart.Grains.Payouts;
using Broadcart.Grains.Payouts.Wise;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Payouts;

/// <summary>The Wise rail as configured in production (HttpClient with the standard resilience handler), against a stand-in on 127.0.0.1.</summary>
public sealed class WisePayoutRailTests
{
    public static Dictionary<string, string?> Settings(WiseStub stub) => new()
    {
        ["Payouts:Rail"] = "wise",
        ["Payouts:Wise:BaseUrl"] = stub.BaseUrl.ToString(),
        ["Payouts:Wise:ApiToken"] = WiseStub.Token,
        ["Payouts:Wise:ProfileId"] = WiseStub.Profile.ToString(),
        ["Payouts:Wise:SourceCurrency"] = "EUR",
        ["Payouts:Wise:AttemptTimeout"] = "00:00:01",
        ["Payouts:Wise:Timeout"] = "00:00:08",
        ["Payouts:Wise:MaxRetries"] = "2",
        ["Payouts:Wise:RetryDelay"] = "00:00:00.050",
    };

    private static IPayoutRail Rail(WiseStub stub)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(stub)).Build();
        var services = new ServiceCollection().AddLogging().AddPayoutRail(configuration).BuildServiceProvider();
        return services.GetRequiredService<IPayoutRail>();
    }

    private static RailTransferRequest Request(string key, string accountRef = "ava@example.com", long minor = 1059, string currency = "USD") =>
        new(key, new Money(currency, minor), new PayoutMethod("wise", "US", currency, accountRef), "Ava Stone", $"Broadcart {key}");

    [Fact]
    public async Task A_transfer_whose_first_answer_times_out_is_made_once_and_funded_once_also_when_submitted_again()
    {
        await using var stub = await WiseStub.StartAsync();
        stub.HoldTransferAnswers = 1;
        var rail = Rail(stub);

        var transfer = await rail.SubmitAsync(Request("p-timeout-1"));

        // The first attempt made the transfer but answered after the 1 s attempt timeout; the retry got the same one.
        Assert.Equal(2, stub.TransferRequests);
        var made = Assert.Single(stub.Transfers);
        Assert.Equal(made.Id.ToString(), transfer.TransferId);
        Assert.Equal(WisePayoutRail.CustomerTransactionId("p-timeout-1"), made.CustomerTransactionId);
        Assert.Equal(1, made.Fundings);
        Assert.Equal(PayoutStatus.Submitted, transfer.Status);
        Assert.Equal("Broadcart p-timeout-1", made.Reference);
        var quote = stub.QuoteOf(made);
        Assert.Equal(10.59m, quote.GetProperty("targetAmount").GetDecimal());
        Assert.Equal("USD", quote.GetProperty("targetCurrency").GetString());
        Assert.Equal("EUR", quote.GetProperty("sourceCurrency").GetString());
        Assert.Equal(0, stub.Unauthorized);

        // The payout grain's own retry (after a restart, say): the same key reaches the same transfer.
        var again = await rail.SubmitAsync(Request("p-timeout-1"));
        Assert.Equal(transfer.TransferId, again.TransferId);
        Assert.Single(stub.Transfers);
        Assert.Equal(1, stub.Fundings);

        // Another payout is another transfer.
        await rail.SubmitAsync(Request("p-timeout-2"));
        Assert.Equal(2, stub.Transfers.Count);
        Assert.NotEqual(WisePayoutRail.CustomerTransactionId("p-timeout-1"), WisePayoutRail.CustomerTransactionId("p-timeout-2"));
    }

    [Fact]
    public async Task Wises_statuses_become_submitted_paid_or_failed()
    {
        await using var stub = await WiseStub.StartAsync();
        var rail = Rail(stub);
        var transfer = await rail.SubmitAsync(Request("p-status", accountRef: "12345678", minor: 10_991, currency: "HKD"));
        Assert.Equal(12345678, Assert.Single(stub.Transfers).TargetAccount);
        Assert.Equal(109.91m, stub.QuoteOf(stub.Transfers.Single()).GetProperty("targetAmount").GetDecimal());
        Assert.Equal(PayoutStatus.Submitted, (await rail.GetAsync(transfer.TransferId)).Status);

        stub.SetStatus(long.Parse(transfer.TransferId), "outgoing_payment_sent");
        Assert.Equal(PayoutStatus.Paid, (await rail.GetAsync(transfer.TransferId)).Status);
        stub.SetStatus(long.Parse(transfer.TransferId), "bounced_back");
        Assert.Equal(PayoutStatus.Submitted, (await rail.GetAsync(transfer.TransferId)).Status);
        stub.SetStatus(long.Parse(transfer.TransferId), "funds_refunded");
        var failed = await rail.GetAsync(transfer.TransferId);
        Assert.Equal(PayoutStatus.Failed, failed.Status);
        Assert.Equal("funds_refunded", failed.Detail);
    }

    [Fact]
    public async Task A_refusal_is_final_and_an_outage_is_transient()
    {
        await using var stub = await WiseStub.StartAsync();
        var rail = Rail(stub);

        var refused = await Assert.ThrowsAsync<PayoutRailException>(() => rail.SubmitAsync(Request("p-refused", accountRef: "invalid@example.com")));
        Assert.False(refused.Transient);
        Assert.Contains("422", refused.Message);

        stub.QuotesDown = true;
        var down = await Assert.ThrowsAsync<PayoutRailException>(() => rail.SubmitAsync(Request("p-down")));
        Assert.True(down.Transient);
        Assert.Empty(stub.Transfers);
    }

    [Theory]
    [InlineData("12345678", true)]
    [InlineData("ava@example.com", true)]
    [InlineData("IBAN DE89 3704", false)]
    [InlineData("@example.com", false)]
    [InlineData("-5", false)]
    public async Task An_account_reference_is_a_recipient_id_or_an_email(string accountRef, bool accepted)
    {
        await using var stub = await WiseStub.StartAsync();
        Assert.Equal(accepted, Rail(stub).CheckDestination(new PayoutMethod("wise", "US", "USD", accountRef)) is null);
    }
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Earnings;

namespace Broadcart.Grains.Tests.Earnings;

[Collection(ClusterCollection.Name)]
public sealed class CreatorLedgerTests(ClusterFixture fixture)
{
    private ICreatorLedgerGrain Ledger(string creatorId) => fixture.Grains.GetGrain<ICreatorLedgerGrain>(creatorId);

    private static CommissionAccrual Accrual(string orderId, long minor, string currency = "CNY") =>
        new(orderId, "d1", new Money(currency, minor), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Each_order_earns_once_also_under_concurrent_retries_and_after_deactivation()
    {
        var ledger = Ledger("ledger-" + Guid.NewGuid().ToString("N"));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ledger.Accrue(Accrual("o1", 1250))));
        await ledger.Accrue(Accrual("o2", 99, "USD"));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await ledger.Accrue(Accrual("o1", 1250));
        var earnings = await ledger.Get();

        Assert.Equal([new Money("CNY", 1250), new Money("USD", 99)], earnings.Pending.ToArray());
        Assert.Equal(2, earnings.Entries.Count(e => e.Kind == LedgerEntryKind.Accrued));
        Assert.Empty(earnings.Available);
    }

    [Fact]
    public async Task A_refund_reverses_its_order_once_and_pending_becomes_available_after_the_hold()
    {
        var ledger = Ledger("ledger-" + Guid.NewGuid().ToString("N"));
        await ledger.Accrue(Accrual("kept", 1000));
        await ledger.Accrue(Accrual("refunded", 300));

        await ledger.Reverse("refunded");
        await ledger.Reverse("refunded");
        await ledger.Reverse("never-earned");
        Assert.Equal([new Money("CNY", 1000)], (await ledger.Get()).Pending.ToArray());

        // The hold is two seconds in this cluster.
        var released = await Eventually.Until(() => ledger.Get(), e => e.Available.Length == 1, "the hold period to pass", TimeSpan.FromSeconds(20));
        Assert.Equal([new Money("CNY", 1000)], released.Available.ToArray());
        Assert.Empty(released.Pending);
        Assert.Single(released.Entries, e => e.Kind == LedgerEntryKind.Released);

        // A refund after release takes the commission back from what is available.
        await ledger.Reverse("kept");
        var after = await ledger.Get();
        Assert.Empty(after.Available);
        Assert.Equal(after.Entries.Select(e => e.Seq), Enumerable.Range(1, after.Entries.Length).Select(i => (long)i));
    }
}

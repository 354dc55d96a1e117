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

    [Fact]
    public async Task A_payout_takes_each_positive_available_balance_once_and_a_failed_one_gives_it_back_once()
    {
        var ledger = Ledger("ledger-" + Guid.NewGuid().ToString("N"));
        await ledger.Accrue(Accrual("cny", 2499));
        await ledger.Accrue(Accrual("usd", 312, "USD"));
        await ledger.Accrue(Accrual("jpy", 40, "JPY"));
        Assert.Empty(await ledger.PayOut("too-early"));
        await Eventually.Until(() => ledger.Get(), e => e.Available.Length == 3, "the hold period to pass", TimeSpan.FromSeconds(20));

        // A refund after release brings yen to zero: none of it is paid.
        await ledger.Reverse("jpy");
        var taken = await ledger.PayOut("p1");
        Assert.Equal([new Money("CNY", 2499), new Money("USD", 312)], taken.ToArray());
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(taken.ToArray(), (await ledger.PayOut("p1")).ToArray());
        Assert.Empty(await ledger.PayOut("p2"));
        var paid = await ledger.Get();
        Assert.Empty(paid.Available);
        Assert.Equal(taken.ToArray(), paid.PaidOut.ToArray());

        await ledger.ReturnPayout("p1");
        var returned = await ledger.ReturnPayout("p1");
        await ledger.ReturnPayout("never-paid");
        Assert.Equal(taken.ToArray(), returned.Available.ToArray());
        Assert.Empty(returned.PaidOut);
        Assert.Equal(2, returned.Entries.Count(e => e.Kind == LedgerEntryKind.Returned));

        // Paid out again under a new payout; a refund of a paid-out order then owes the next payout.
        Assert.Equal(taken.ToArray(), (await ledger.PayOut("p3")).ToArray());
        await ledger.Reverse("usd");
        Assert.Equal([new Money("USD", -312)], (await ledger.Get()).Available.ToArray());
        Assert.Empty(await ledger.PayOut("p4"));
    }
}

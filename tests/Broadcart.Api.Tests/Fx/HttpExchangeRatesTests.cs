using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Tests.Fx;

/// <summary>The HTTP source against a Kestrel stand-in for the ECB: cached, refreshed, and the last good rates through an outage.</summary>
public sealed class HttpExchangeRatesTests
{
    private sealed class Publisher
    {
        public volatile string? Xml;
        public int Requests;
    }

    private static async Task<(StubServer Server, Publisher Publisher)> EcbAsync(string? xml)
    {
        var publisher = new Publisher { Xml = xml };
        var server = await StubServer.StartAsync(app => app.MapGet("/stats/eurofxref/eurofxref-daily.xml", () =>
        {
            Interlocked.Increment(ref publisher.Requests);
            return publisher.Xml is { } body ? Results.Text(body, "text/xml") : Results.StatusCode(503);
        }));
        return (server, publisher);
    }

    private static HttpExchangeRates Source(StubServer ecb, TimeProvider time) => new(
        new HttpClient(),
        Options.Create(new FxOptions { Source = "http", RatesUrl = new Uri(ecb.BaseUrl, "stats/eurofxref/eurofxref-daily.xml"), RefreshInterval = TimeSpan.FromHours(1), RetryInterval = TimeSpan.FromMinutes(1) }),
        time,
        NullLogger<HttpExchangeRates>.Instance);

    [Fact]
    public async Task Rates_are_read_once_per_refresh_interval_and_a_new_day_replaces_the_old()
    {
        var (ecb, publisher) = await EcbAsync(EcbRatesXmlTests.Document(("2026-11-30", [("USD", "1.1601"), ("HKD", "9.0270")])));
        await using var _ = ecb;
        var time = new ManualTime(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        var rates = Source(ecb, time);

        var first = await rates.LatestAsync();
        Assert.Equal(new DateOnly(2026, 11, 30), first.Date);
        Assert.Equal(1.1601m, first.PerEuro["USD"]);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => rates.LatestAsync()));
        Assert.Equal(1, publisher.Requests);

        publisher.Xml = EcbRatesXmlTests.Document(("2026-12-01", [("USD", "1.1612"), ("HKD", "9.0355")]));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(new DateOnly(2026, 11, 30), (await rates.LatestAsync()).Date);
        time.Advance(TimeSpan.FromMinutes(2));
        var next = await rates.LatestAsync();
        Assert.Equal(new DateOnly(2026, 12, 1), next.Date);
        Assert.Equal(2, publisher.Requests);

        // The day seen before stays known.
        Assert.Equal(9.0270m, (await rates.OnOrBeforeAsync(new DateOnly(2026, 11, 30))).PerEuro["HKD"]);
    }

    [Fact]
    public async Task An_outage_or_a_broken_document_keeps_the_last_good_rates_and_is_retried_later()
    {
        var (ecb, publisher) = await EcbAsync(EcbRatesXmlTests.Document(("2026-12-01", [("USD", "1.1612")])));
        await using var _ = ecb;
        var time = new ManualTime(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));
        var rates = Source(ecb, time);
        Assert.Equal(1.1612m, (await rates.LatestAsync()).PerEuro["USD"]);

        publisher.Xml = null;
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1.1612m, (await rates.LatestAsync()).PerEuro["USD"]);
        Assert.Equal(2, publisher.Requests);

        // Within the retry interval the failed source is not asked again.
        Assert.Equal(1.1612m, (await rates.LatestAsync()).PerEuro["USD"]);
        Assert.Equal(2, publisher.Requests);

        publisher.Xml = "<html>maintenance</html>";
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new DateOnly(2026, 12, 1), (await rates.LatestAsync()).Date);
        Assert.Equal(3, publisher.Requests);

        publisher.Xml = EcbRatesXmlTests.Document(("2026-12-02", [("USD", "1.1630")]));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1.1630m, (await rates.LatestAsync()).PerEuro["USD"]);
    }

    [Fact]
    public async Task Without_any_good_rates_the_source_says_unavailable()
    {
        var (ecb, _) = await EcbAsync(null);
        await using var __ = ecb;
        var e = await Assert.ThrowsAsync<BroadcartException>(() => Source(ecb, TimeProvider.System).LatestAsync());
        Assert.Equal(ErrorCodes.Unavailable, e.Code);
    }
}

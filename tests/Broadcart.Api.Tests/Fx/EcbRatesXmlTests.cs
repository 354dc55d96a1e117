using Broadcart.Grains.Fx;

namespace Broadcart.Api.Tests.Fx;

public sealed class EcbRatesXmlTests
{
    public static string Document(params (string Time, (string Currency, string Rate)[] Rates)[] days) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
          <gesmes:subject>Reference rates</gesmes:subject>
          <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
          <Cube>
            {string.Concat(days.Select(d => $"<Cube time='{d.Time}'>{string.Concat(d.Rates.Select(r => $"<Cube currency='{r.Currency}' rate='{r.Rate}'/>"))}</Cube>"))}
          </Cube>
        </gesmes:Envelope>
        """;

    [Fact]
    public void The_shipped_file_is_one_day_with_the_ECBs_currencies_and_EUR_at_one()
    {
        var rates = FileExchangeRates.Shipped();
        Assert.Equal(new DateOnly(2026, 12, 1), rates.Date);
        Assert.Equal(1.1612m, rates.PerEuro["USD"]);
        Assert.Equal(8.2185m, rates.PerEuro["CNY"]);
        Assert.Equal(9.0355m, rates.PerEuro["HKD"]);
        Assert.Equal(180.25m, rates.PerEuro["JPY"]);
        Assert.Equal(0.879m, rates.PerEuro["GBP"]);
        Assert.Equal(1.5068m, rates.PerEuro["SGD"]);
        Assert.Equal(1m, rates.PerEuro["EUR"]);
        Assert.Equal(30, rates.PerEuro.Count);
    }

    [Fact]
    public void A_history_document_gives_every_day_newest_first()
    {
        var days = EcbRatesXml.Parse(Document(
            ("2026-11-27", [("USD", "1.1590"), ("JPY", "179.80")]),
            ("2026-12-01", [("USD", "1.1612")]),
            ("2026-11-30", [("USD", "1.1601")])));
        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 27)], days.Select(d => d.Date));
        Assert.Equal(179.80m, days[2].PerEuro["JPY"]);
        Assert.False(days[0].Supports("JPY"));
    }

    [Theory]
    [InlineData("<Envelope><Cube/></Envelope>", "gesmes:Envelope")]
    [InlineData("<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'/>", "exactly one Cube")]
    [InlineData("not xml", "well-formed")]
    [InlineData("<!DOCTYPE x [<!ENTITY e 'boom'>]><gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01'/>", "well-formed")]
    public void A_document_not_in_the_ECBs_shape_is_refused(string xml, string says)
    {
        var e = Assert.Throws<FormatException>(() => EcbRatesXml.Parse(xml));
        Assert.Contains(says, e.Message);
    }

    [Theory]
    [InlineData("2026-12-01", "USD", "-1.2", "positive decimal")]
    [InlineData("2026-12-01", "USD", "1,2", "positive decimal")]
    [InlineData("2026-12-01", "USD", "0", "positive decimal")]
    [InlineData("2026-12-01", "USD", "1e3", "positive decimal")]
    [InlineData("2026-12-01", "XXQ", "1.2", "ISO 4217")]
    [InlineData("2026-12-01", "EUR", "1", "other than EUR")]
    [InlineData("01/12/2026", "USD", "1.2", "YYYY-MM-DD")]
    public void A_bad_day_or_rate_is_refused(string time, string currency, string rate, string says)
    {
        var e = Assert.Throws<FormatException>(() => EcbRatesXml.Parse(Document((time, [(currency, rate)]))));
        Assert.Contains(says, e.Message);
    }

    [Fact]
    public void A_currency_twice_in_a_day_or_a_day_twice_is_refused()
    {
        Assert.Contains("twice", Assert.Throws<FormatException>(() => EcbRatesXml.Parse(Document(("2026-12-01", [("USD", "1.1"), ("USD", "1.2")])))).Message);
        Assert.Contains("twice", Assert.Throws<FormatException>(() => EcbRatesXml.Parse(Document(("2026-12-01", [("USD", "1.1")]), ("2026-12-01", [("USD", "1.1")])))).Message);
        Assert.Contains("no day", Assert.Throws<FormatException>(() => EcbRatesXml.Parse(Document())).Message);
    }

    [Fact]
    public async Task A_day_without_rates_is_answered_with_the_last_day_before_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fx-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, Document(("2026-11-27", [("USD", "1.1590")]), ("2026-11-30", [("USD", "1.1601")])));
        try
        {
            var rates = new FileExchangeRates(path);
            Assert.Equal(new DateOnly(2026, 11, 30), (await rates.LatestAsync()).Date);
            Assert.Equal(new DateOnly(2026, 11, 27), (await rates.OnOrBeforeAsync(new DateOnly(2026, 11, 29))).Date);
            var none = await Assert.ThrowsAsync<Broadcart.Grains.Common.BroadcartException>(() => rates.OnOrBeforeAsync(new DateOnly(2026, 11, 1)));
            Assert.Equal("not_found", none.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;

namespace Broadcart.Grains.Metrics;

/// <summary>Turns a room's raw <see cref="ReportData"/> into a <see cref="CampaignReport"/> in one currency.</summary>
public static class CampaignReports
{
    public const string Computed = "computed";
    public const string Archive = "archive";

    /// <summary>Refuses a currency the reference rates do not give (<c>validation_failed</c>).</summary>
    public static async Task EnsureSupportedAsync(string currency, IExchangeRates rates, CancellationToken cancellationToken = default)
    {
        if (!Currencies.IsValid(currency) || !(await rates.LatestAsync(cancellationToken)).Supports(currency))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed,
                $"currency '{currency}' is not one the reference rates give (EUR and the ECB's currencies, ISO 4217 upper case)");
        }
    }

    /// <summary>
    /// The currency a room reports in by itself: its spend's, else the one most of its money is
    /// in, else EUR (the reference rates' own).
    /// </summary>
    public static string NativeCurrency(ReportData data) =>
        data.Cells.Select(c => c.SpendCurrency).FirstOrDefault(c => c is not null)
        ?? data.Cells.SelectMany(c => c.Gmv.Concat(c.ClickThroughRevenue).Concat(c.ViewThroughRevenue))
            .GroupBy(m => m.Currency).OrderByDescending(g => g.Sum(m => m.AmountMinor)).Select(g => g.Key).FirstOrDefault()
        ?? ReferenceRates.Euro;

    public static async Task<CampaignReport> BuildAsync(
        ReportData data, string currency, IExchangeRates rates, AttributionWindows windows, string source, CancellationToken cancellationToken = default)
    {
        await EnsureSupportedAsync(currency, rates, cancellationToken);
        var days = new Dictionary<DateOnly, ReferenceRates>();
        foreach (var day in data.Cells.Select(c => DateOnly.FromDateTime(c.Hour.UtcDateTime)).Distinct().Order())
        {
            days[day] = await DayRatesAsync(rates, day, cancellationToken);
        }

        var unconverted = new Dictionary<string, long>(StringComparer.Ordinal);
        var total = new Sums(currency);
        var byRegion = new SortedDictionary<string, Sums>(StringComparer.Ordinal);
        var byHour = new SortedDictionary<DateTimeOffset, Sums>();
        var used = new Dictionary<DateOnly, SortedSet<string>>();
        foreach (var cell in data.Cells)
        {
            var day = DateOnly.FromDateTime(cell.Hour.UtcDateTime);
            var converter = new CellConverter(days[day], currency, unconverted, used.TryGetValue(day, out var set) ? set : used[day] = new(StringComparer.Ordinal));
            var converted = Sums.Of(cell, converter, currency);
            total.Add(converted);
            (byRegion.TryGetValue(cell.Region, out var r) ? r : byRegion[cell.Region] = new Sums(currency)).Add(converted);
            (byHour.TryGetValue(cell.Hour, out var h) ? h : byHour[cell.Hour] = new Sums(currency)).Add(converted);
        }

        var regionViewers = data.UniqueViewersByRegion.ToDictionary(v => v.Key, v => v.UniqueViewers, StringComparer.Ordinal);
        var hourViewers = data.UniqueViewersByHour.ToDictionary(v => DateTimeOffset.Parse(v.Key, System.Globalization.CultureInfo.InvariantCulture), v => v.UniqueViewers);
        return new CampaignReport(
            data.RoomId, currency, source, data.EndedAt, data.Version, windows,
            total.ToFigures(data.UniqueViewers),
            [.. byRegion.Select(r => new RegionReport(r.Key, r.Value.ToFigures(regionViewers.GetValueOrDefault(r.Key))))],
            [.. byHour.Select(h => new HourReport(h.Key, h.Value.ToFigures(hourViewers.GetValueOrDefault(h.Key))))],
            [.. days.Select(d => new DayRates(d.Key, d.Value.Date,
                [.. (used.GetValueOrDefault(d.Key) ?? []).Select(c => new CurrencyRate(c, d.Value.CrossRate(c, currency)))]))],
            [.. unconverted.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new Money(u.Key, u.Value))]);
    }

    /// <summary>
    /// The rates of the day, or of the last day before it the source has; a day older than all of
    /// them (the ECB's daily file holds only today) converts at the latest.
    /// </summary>
    private static async Task<ReferenceRates> DayRatesAsync(IExchangeRates rates, DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            return await rates.OnOrBeforeAsync(day, cancellationToken);
        }
        catch (BroadcartException e) when (e.Code == ErrorCodes.NotFound)
        {
            return await rates.LatestAsync(cancellationToken);
        }
    }

    /// <summary>Converts one cell's money at its day's rates, rounding down; what the rates lack goes to the unconverted list.</summary>
    private sealed class CellConverter(ReferenceRates rates, string to, Dictionary<string, long> unconverted, SortedSet<string> used)
    {
        public long Minor(Money money)
        {
            if (!rates.Supports(money.Currency))
            {
                unconverted[money.Currency] = unconverted.GetValueOrDefault(money.Currency) + money.AmountMinor;
                return 0;
            }

            if (money.Currency != to)
            {
                used.Add(money.Currency);
            }

            return rates.Convert(money, to).Converted.AmountMinor;
        }

        public long Minor(ImmutableArray<Money> monies) => monies.IsDefaultOrEmpty ? 0 : monies.Sum(Minor);

        /// <summary>
        /// Spend is kept in micro-units: converting it as minor units scales it by the difference of
        /// the two currencies' minor digits, which is undone here.
        /// </summary>
        public long Micros(long micros, string? from)
        {
            if (micros == 0 || from is null || from == to)
            {
                return micros;
            }

            if (!rates.Supports(from))
            {
                unconverted[from] = unconverted.GetValueOrDefault(from) + (micros / Currencies.MicrosPerMinor(from));
                return 0;
            }

            used.Add(from);
            var shift = Currencies.MinorDigits(to) - Currencies.MinorDigits(from);
            var converted = CurrencyConversion.ConvertDown(micros, from, rates.PerEuro[from], to, rates.PerEuro[to]);
            return shift >= 0 ? converted / Pow10(shift) : converted * Pow10(-shift);
        }

        private static long Pow10(int n)
        {
            var p = 1L;
            for (var i = 0; i < n; i++)
            {
                p *= 10;
            }

            return p;
        }
    }

    /// <summary>A scope's figures in the report currency, summed cell by cell.</summary>
    private sealed class Sums(string currency)
    {
        private long _organic, _paid, _joins, _clicks, _orders, _units, _gmv, _spendMicros, _ctOrders, _ctRevenue, _vtOrders, _vtRevenue;

        public static Sums Of(ReportCell cell, CellConverter convert, string currency) => new(currency)
        {
            _organic = cell.OrganicImpressions,
            _paid = cell.PaidImpressions,
            _joins = cell.Joins,
            _clicks = cell.ProductClicks,
            _orders = cell.Orders,
            _units = cell.Units,
            _gmv = convert.Minor(cell.Gmv),
            _spendMicros = convert.Micros(cell.SpendMicros, cell.SpendCurrency),
            _ctOrders = cell.ClickThroughOrders,
            _ctRevenue = convert.Minor(cell.ClickThroughRevenue),
            _vtOrders = cell.ViewThroughOrders,
            _vtRevenue = convert.Minor(cell.ViewThroughRevenue),
        };

        public void Add(Sums s)
        {
            _organic += s._organic;
            _paid += s._paid;
            _joins += s._joins;
            _clicks += s._clicks;
            _orders += s._orders;
            _units += s._units;
            _gmv += s._gmv;
            _spendMicros += s._spendMicros;
            _ctOrders += s._ctOrders;
            _ctRevenue += s._ctRevenue;
            _vtOrders += s._vtOrders;
            _vtRevenue += s._vtRevenue;
        }

        public ReportFigures ToFigures(long uniqueViewers)
        {
            var impressions = _organic + _paid;
            var microsPerMinor = Currencies.MicrosPerMinor(currency);
            var revenue = _ctRevenue + _vtRevenue;
            return new ReportFigures(
                impressions, _organic, _paid, uniqueViewers, _joins, _clicks,
                Ratio(_clicks, impressions), Ratio(_joins, impressions),
                _orders, _units, Money(_gmv), Money(_spendMicros / microsPerMinor), _spendMicros,
                _paid == 0 ? null : Money(_spendMicros * 1000 / _paid / microsPerMinor),
                _spendMicros == 0 ? null : (double)revenue * microsPerMinor / _spendMicros,
                new AttributedFigures(_ctOrders + _vtOrders, Money(revenue), new WindowFigures(_ctOrders, Money(_ctRevenue)), new WindowFigures(_vtOrders, Money(_vtRevenue))));
        }

        private Money Money(long minor) => new(currency, minor);

        private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;
    }
}

using System.Globalization;
using System.Text;
using Broadcart.Grains.Metrics;

namespace Broadcart.Api.Reports;

/// <summary>
/// A report as CSV (RFC 4180): one row for the total, one per region, one per hour, with the JSON
/// report's figures; money in minor units of the report's currency, rates as round-trip numbers,
/// an empty cell where the JSON has null.
/// </summary>
public static class ReportCsv
{
    public const string Header =
        "scope,key,currency,impressions,organicImpressions,paidImpressions,uniqueViewers,joins,productClicks,ctr,joinRate," +
        "orders,units,gmvMinor,spendMinor,spendMicros,cpmMinor,roi,attributedOrders,attributedRevenueMinor," +
        "clickThroughOrders,clickThroughRevenueMinor,viewThroughOrders,viewThroughRevenueMinor";

    public static string Render(CampaignReport report)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        Row(csv, "total", "", report.Currency, report.Total);
        foreach (var region in report.ByRegion)
        {
            Row(csv, "region", region.Region, report.Currency, region.Figures);
        }

        foreach (var hour in report.ByHour)
        {
            Row(csv, "hour", hour.Hour.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), report.Currency, hour.Figures);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string scope, string key, string currency, ReportFigures f)
    {
        // Scope, key and currency are fixed vocabularies, region codes and ISO times: nothing to quote.
        object?[] cells =
        [
            scope, key, currency, f.Impressions, f.OrganicImpressions, f.PaidImpressions, f.UniqueViewers, f.Joins, f.ProductClicks, f.Ctr, f.JoinRate,
            f.Orders, f.Units, f.Gmv.AmountMinor, f.Spend.AmountMinor, f.SpendMicros, f.Cpm?.AmountMinor, f.Roi,
            f.Attributed.Orders, f.Attributed.Revenue.AmountMinor, f.Attributed.ClickThrough.Orders, f.Attributed.ClickThrough.Revenue.AmountMinor,
            f.Attributed.ViewThrough.Orders, f.Attributed.ViewThrough.Revenue.AmountMinor,
        ];
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

using Broadcart.Grains.Common;
using Broadcart.Grains.Payouts;

namespace Broadcart.Api.Creators;

/// <summary>A payout before it is made, in the shape of <see cref="PayoutView"/>'s money fields.</summary>
public sealed record PayoutQuoteView(
    Money Amount,
    IReadOnlyList<Money> Source,
    decimal FxRate,
    string RateDate,
    IReadOnlyList<PayoutConversionView> Conversions,
    string Rail,
    string Country)
{
    public static PayoutQuoteView From(PayoutQuote quote) => new(
        quote.Amount,
        [.. quote.Sources.Select(s => s.Source)],
        quote.FxRate,
        quote.RateDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [.. quote.Sources.Select(s => new PayoutConversionView(s.Source, s.Converted, s.Rate))],
        quote.Method.Rail,
        quote.Method.Country);
}

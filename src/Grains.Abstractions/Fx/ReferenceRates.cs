using System.Collections.Frozen;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Fx;

/// <summary>
/// One day's euro reference rates: how many units of each currency one euro buys, as the European
/// Central Bank publishes them (EUR itself is 1). Every other pair is a cross rate through the euro.
/// </summary>
public sealed class ReferenceRates
{
    public const string Euro = "EUR";

    public ReferenceRates(DateOnly date, IReadOnlyDictionary<string, decimal> perEuro)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (currency, rate) in perEuro)
        {
            if (!Currencies.IsValid(currency) || currency == Euro)
            {
                throw new ArgumentException($"'{currency}' is not an ISO 4217 code other than EUR", nameof(perEuro));
            }

            if (rate <= 0)
            {
                throw new ArgumentException($"the rate of {currency} must be positive", nameof(perEuro));
            }

            rates[currency] = rate;
        }

        rates[Euro] = 1m;
        Date = date;
        PerEuro = rates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The day the rates were published for.</summary>
    public DateOnly Date { get; }

    /// <summary>Units of each currency per euro, EUR included (1).</summary>
    public IReadOnlyDictionary<string, decimal> PerEuro { get; }

    public bool Supports(string currency) => PerEuro.ContainsKey(currency);

    /// <summary>Units of <paramref name="to"/> per unit of <paramref name="from"/>, to 10 decimals (for showing; conversion uses the exact ratio).</summary>
    public decimal CrossRate(string from, string to) =>
        from == to ? 1m : Math.Round(RateOf(to) / RateOf(from), 10, MidpointRounding.ToZero);

    /// <summary>Converts in minor units, rounding down to the target's minor unit (see <see cref="CurrencyConversion"/>).</summary>
    public FxConversion Convert(Money amount, string to)
    {
        var converted = CurrencyConversion.ConvertDown(amount.AmountMinor, amount.Currency, RateOf(amount.Currency), to, RateOf(to));
        return new FxConversion(amount, new Money(to, converted), CrossRate(amount.Currency, to), Date);
    }

    private decimal RateOf(string currency) => PerEuro.TryGetValue(currency, out var rate)
        ? rate
        : throw new BroadcartException(ErrorCodes.ValidationFailed, $"the reference rates of {Date:yyyy-MM-dd} have no rate for {currency}");
}

using System.Globalization;
using System.Numerics;
using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;
using CsCheck;

namespace Broadcart.Api.Tests.Fx;

/// <summary>Rounding of conversions in minor units, held to its properties over generated amounts and rates.</summary>
public sealed class CurrencyConversionTests
{
    // Exponents 0 (JPY, ISK), 2 and 3 (KWD): every shape of minor unit.
    private static readonly string[] Codes = ["USD", "CNY", "HKD", "JPY", "ISK", "KWD", "EUR", "GBP"];

    private static readonly Gen<string> Currency = Gen.OneOf(Codes);

    /// <summary>Rates as the ECB writes them: up to 6 significant digits, up to 6 decimals, from 0.000001 to 999,999.</summary>
    private static readonly Gen<decimal> Rate = Gen.Select(Gen.Long[1, 999_999], Gen.Int[0, 6], (m, s) => m / (decimal)Math.Pow(10, s));

    private static readonly Gen<long> Amount = Gen.OneOf(Gen.Long[0, 1_000_000], Gen.Long[0, long.MaxValue / 1_000_000], Gen.Long[0, long.MaxValue]);

    private const int Iterations = 20_000;

    [Fact]
    public void A_conversion_is_never_largerthan_the_exact_value_and_less_by_under_one_minor_unit()
    {
        Gen.Select(Amount, Currency, Rate, Currency, Rate).Sample((amount, from, fromRate, to, toRate) =>
        {
            long converted;
            try
            {
                converted = CurrencyConversion.ConvertDown(amount, from, fromRate, to, toRate);
            }
            catch (OverflowException)
            {
                // Only when the exact value does not fit a long.
                Assert.True(Exact.AtMost((BigInteger)long.MaxValue + 1, amount, from, fromRate, to, toRate), $"{amount} {from} -> {to} overflowed but fits");
                return;
            }

            Assert.True(Exact.AtMost(converted, amount, from, fromRate, to, toRate), $"{amount} {from} @{fromRate} -> {converted} {to} @{toRate} is more than exact");
            Assert.False(Exact.AtMost((BigInteger)converted + 1, amount, from, fromRate, to, toRate), $"{amount} {from} @{fromRate} -> {converted} {to} @{toRate} is a unit or more short");
        }, iter: Iterations);
    }

    [Fact]
    public void More_never_converts_to_less()
    {
        Gen.Select(Gen.Long[0, long.MaxValue / 1_000_000], Gen.Long[0, 1_000_000], Currency, Rate, Currency, Rate).Sample((a, more, from, fromRate, to, toRate) =>
        {
            // A result too big for a long is an overflow, never a wrapped small number: count it as infinite.
            var b = a + more;
            var (less, larger) = (OrInfinity(() => CurrencyConversion.ConvertDown(a, from, fromRate, to, toRate)), OrInfinity(() => CurrencyConversion.ConvertDown(b, from, fromRate, to, toRate)));
            Assert.True(larger is null || (less is not null && less <= larger), $"{a} -> {less}, {b} -> {larger}");
        }, iter: Iterations);
    }

    [Fact]
    public void A_currency_converts_to_itself_unchanged_whatever_the_rate()
    {
        Gen.Select(Gen.Long, Currency, Rate, Rate).Sample((amount, currency, rate, other) =>
            Assert.Equal(amount, CurrencyConversion.ConvertDown(amount, currency, rate, currency, other)), iter: Iterations);
    }

    [Fact]
    public void There_and_back_again_never_gains()
    {
        Gen.Select(Gen.Long[0, 1_000_000_000_000], Currency, Rate, Currency, Rate).Sample((amount, from, fromRate, to, toRate) =>
        {
            if (OrInfinity(() => CurrencyConversion.ConvertDown(amount, from, fromRate, to, toRate)) is not { } big)
            {
                return;
            }

            var there = (long)big;
            Assert.True(CurrencyConversion.ConvertDown(there, to, toRate, from, fromRate) <= amount);
        }, iter: Iterations);
    }

    [Fact]
    public void Cross_rates_go_through_the_euro_at_the_shipped_days_rates()
    {
        var rates = FileExchangeRates.Shipped();

        // 100.00 CNY = 100 / 8.2185 EUR = 100 x 1.1612 / 8.2185 USD = 14.12910... USD: 1,412 cents.
        var usd = rates.Convert(new Money("CNY", 10_000), "USD");
        Assert.Equal(new Money("USD", 1_412), usd.Converted);
        Assert.Equal(0.1412909898m, usd.Rate);
        Assert.Equal(new DateOnly(2026, 12, 1), usd.RateDate);

        // 100.00 USD in yen (no minor unit): 100 x 180.25 / 1.1612 = 15,522.73 -> 15,522.
        Assert.Equal(new Money("JPY", 15_522), rates.Convert(new Money("USD", 10_000), "JPY").Converted);

        // 1 euro cent is 1.1612 US cents: down to 1.
        Assert.Equal(new Money("USD", 1), rates.Convert(new Money("EUR", 1), "USD").Converted);
        Assert.Equal(new Money("EUR", 861), rates.Convert(new Money("USD", 1_000), "EUR").Converted);
        Assert.Equal(new Money("HKD", 55), rates.Convert(new Money("HKD", 55), "HKD").Converted);

        var unknown = Assert.Throws<BroadcartException>(() => rates.Convert(new Money("KWD", 1), "USD"));
        Assert.Equal("validation_failed", unknown.Code);
    }

    private static BigInteger? OrInfinity(Func<long> convert)
    {
        try
        {
            return convert();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The exact value as a comparison of integers, written apart from the code under test: rates are
    /// read from their decimal digits, so <c>candidate &lt;= exact</c> is decided without rounding.
    /// </summary>
    private static class Exact
    {
        private const int Scale = 12;

        /// <summary>candidate / 10^toDigits &lt;= amount / 10^fromDigits x toRate / fromRate.</summary>
        public static bool AtMost(BigInteger candidate, long amount, string from, decimal fromRate, string to, decimal toRate)
        {
            if (from == to)
            {
                return candidate <= amount;
            }

            var left = candidate * Scaled(fromRate) * BigInteger.Pow(10, Currencies.MinorDigits(from));
            var right = amount * Scaled(toRate) * BigInteger.Pow(10, Currencies.MinorDigits(to));
            return left <= right;
        }

        private static BigInteger Scaled(decimal rate)
        {
            var text = rate.ToString(CultureInfo.InvariantCulture);
            var point = text.IndexOf('.');
            var whole = point < 0 ? text : text[..point];
            var fraction = point < 0 ? string.Empty : text[(point + 1)..];
            Assert.True(fraction.Length <= Scale);
            return BigInteger.Parse(whole + fraction.PadRight(Scale, '0'), CultureInfo.InvariantCulture);
        }
    }
}

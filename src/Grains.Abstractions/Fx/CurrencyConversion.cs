using System.Numerics;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Fx;

/// <summary>
/// Currency conversion in integer minor units. The exact value is
/// <c>amountMinor / 10^fromDigits x (toPerEuro / fromPerEuro) x 10^toDigits</c>; it is computed as
/// one fraction of big integers (decimal rates are exact fractions of powers of ten), so nothing is
/// rounded before the one floor at the end and no intermediate overflows.
/// </summary>
public static class CurrencyConversion
{
    /// <summary>
    /// The amount in <paramref name="to"/>'s minor units, rounded down (never more than the exact value,
    /// less by under one minor unit). The same currency converts to itself. Throws
    /// <see cref="OverflowException"/> when the result does not fit a long.
    /// </summary>
    public static long ConvertDown(long amountMinor, string from, decimal fromPerEuro, string to, decimal toPerEuro)
    {
        if (from == to)
        {
            return amountMinor;
        }

        if (fromPerEuro <= 0 || toPerEuro <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fromPerEuro), "rates must be positive");
        }

        var (fromMantissa, fromScale) = Fraction(fromPerEuro);
        var (toMantissa, toScale) = Fraction(toPerEuro);
        var numerator = amountMinor * toMantissa * BigInteger.Pow(10, fromScale + Currencies.MinorDigits(to));
        var denominator = fromMantissa * BigInteger.Pow(10, toScale + Currencies.MinorDigits(from));
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);

        // DivRem truncates toward zero; down is toward negative infinity.
        if (remainder.Sign < 0)
        {
            quotient -= 1;
        }

        return (long)quotient;
    }

    /// <summary>A positive decimal as mantissa / 10^scale, exactly.</summary>
    private static (BigInteger Mantissa, int Scale) Fraction(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return (mantissa, (bits[3] >> 16) & 0xFF);
    }
}

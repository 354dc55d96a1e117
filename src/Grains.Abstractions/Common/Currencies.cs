using System.Collections.Frozen;

namespace Broadcart.Grains.Common;

/// <summary>Active ISO 4217 currency codes.</summary>
public static class Currencies
{
    private static readonly FrozenSet<string> Codes = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF " +
        "CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG " +
        "HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA " +
        "MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD " +
        "RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX " +
        "USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NoMinorUnit = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF"
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ThreeMinorDigits = "BHD IQD JOD KWD LYD OMR TND"
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    public static bool IsValid(string? code) => code is { Length: 3 } && Codes.Contains(code);

    /// <summary>Digits after the decimal point (ISO 4217 minor unit): 0 for JPY, 3 for KWD, else 2.</summary>
    public static int MinorDigits(string code) => NoMinorUnit.Contains(code) ? 0 : ThreeMinorDigits.Contains(code) ? 3 : 2;

    /// <summary>Micro-units (millionths of the major unit) in one minor unit: 10,000 for USD.</summary>
    public static long MicrosPerMinor(string code) => MinorDigits(code) switch { 0 => 1_000_000, 3 => 1_000, _ => 10_000 };
}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Broadcart.Grains.Fx;

/// <summary>
/// Reads the European Central Bank's reference-rate XML: the daily file (<c>eurofxref-daily.xml</c>,
/// one day) and the history files (<c>eurofxref-hist-90d.xml</c>, many days) share one shape:
/// <c>gesmes:Envelope / Cube / Cube time="YYYY-MM-DD" / Cube currency="USD" rate="1.0812"</c>.
/// </summary>
public static class EcbRatesXml
{
    public static readonly XNamespace Gesmes = "http://www.gesmes.org/xml/2002-08-01";
    public static readonly XNamespace EuroFxRef = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    /// <summary>The days in the document, newest first. Throws <see cref="FormatException"/> for anything not in the ECB's shape.</summary>
    public static IReadOnlyList<ReferenceRates> Parse(Stream xml)
    {
        // No DTDs and no external entities: the document comes from the network.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 64 * 1024 * 1024,
            IgnoreComments = true,
        };

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"the reference rates are not well-formed XML: {e.Message}", e);
        }

        return Parse(document);
    }

    public static IReadOnlyList<ReferenceRates> Parse(string xml) => Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

    private static IReadOnlyList<ReferenceRates> Parse(XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name != Gesmes + "Envelope")
        {
            throw new FormatException($"the reference rates' root must be gesmes:Envelope, not {root?.Name}");
        }

        var outer = root.Elements(EuroFxRef + "Cube").ToList();
        if (outer.Count != 1)
        {
            throw new FormatException("the envelope must hold exactly one Cube");
        }

        var days = new Dictionary<DateOnly, ReferenceRates>();
        foreach (var day in outer[0].Elements(EuroFxRef + "Cube"))
        {
            var time = (string?)day.Attribute("time");
            if (!DateOnly.TryParseExact(time, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"a day's Cube must have time=\"YYYY-MM-DD\", not '{time}'");
            }

            var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var cube in day.Elements(EuroFxRef + "Cube"))
            {
                var currency = (string?)cube.Attribute("currency");
                var text = (string?)cube.Attribute("rate");
                if (currency is null || !Common.Currencies.IsValid(currency) || currency == ReferenceRates.Euro)
                {
                    throw new FormatException($"{date:yyyy-MM-dd}: '{currency}' is not an ISO 4217 code other than EUR");
                }

                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
                {
                    throw new FormatException($"{date:yyyy-MM-dd}: the rate of {currency} must be a positive decimal number, not '{text}'");
                }

                if (!rates.TryAdd(currency, rate))
                {
                    throw new FormatException($"{date:yyyy-MM-dd}: {currency} appears twice");
                }
            }

            if (rates.Count == 0)
            {
                throw new FormatException($"{date:yyyy-MM-dd} has no rates");
            }

            if (!days.TryAdd(date, new ReferenceRates(date, rates)))
            {
                throw new FormatException($"{date:yyyy-MM-dd} appears twice");
            }
        }

        if (days.Count == 0)
        {
            throw new FormatException("the reference rates hold no day");
        }

        return [.. days.Values.OrderByDescending(d => d.Date)];
    }
}

using System.Net;
using System.Text.Json;

namespace Broadcart.Grains.Translation;

/// <summary>
/// Apertium's APY server (<c>GET /translate?langpair=eng|spa&amp;q=...</c>): rule-based, runs on
/// the operator's own machines, and knows only the pairs installed there. APY names languages by
/// ISO 639-3 codes; the pairs it lacks answer null, not an error.
/// </summary>
public sealed class ApertiumTranslator(HttpClient http) : ITranslator
{
    private static readonly Dictionary<string, string> Iso639_3 = new(StringComparer.Ordinal)
    {
        ["en"] = "eng", ["es"] = "spa", ["ca"] = "cat", ["fr"] = "fra", ["pt"] = "por", ["it"] = "ita",
        ["gl"] = "glg", ["de"] = "deu", ["nl"] = "nld", ["ro"] = "ron", ["eu"] = "eus", ["oc"] = "oci",
        ["ar"] = "ara", ["zh"] = "zho", ["ja"] = "jpn", ["ko"] = "kor", ["ru"] = "rus", ["uk"] = "ukr",
        ["pl"] = "pol", ["sv"] = "swe", ["da"] = "dan", ["nb"] = "nob", ["nn"] = "nno", ["is"] = "isl",
        ["cy"] = "cym", ["ga"] = "gle", ["br"] = "bre", ["mt"] = "mlt", ["hi"] = "hin", ["ur"] = "urd",
        ["id"] = "ind", ["ms"] = "msa", ["kk"] = "kaz", ["tt"] = "tat", ["tr"] = "tur", ["bg"] = "bul",
        ["mk"] = "mkd", ["sr"] = "srp", ["hr"] = "hrv", ["bs"] = "bos", ["sl"] = "slv", ["sk"] = "slk",
        ["cs"] = "ces", ["be"] = "bel", ["an"] = "arg", ["ast"] = "ast", ["sc"] = "srd", ["eo"] = "epo",
    };

    public async Task<string?> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken)
    {
        var pair = $"{Iso639_3.GetValueOrDefault(from, from)}|{Iso639_3.GetValueOrDefault(to, to)}";
        using var response = await http.GetAsync(
            $"translate?langpair={Uri.EscapeDataString(pair)}&markUnknown=no&q={Uri.EscapeDataString(text)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // APY's answer for a pair it does not have.
            return null;
        }

        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return json.RootElement.TryGetProperty("responseData", out var data)
               && data.ValueKind == JsonValueKind.Object
               && data.TryGetProperty("translatedText", out var translated)
            ? translated.GetString()
            : null;
    }
}

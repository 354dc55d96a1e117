using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Broadcart.Grains.Translation;

/// <summary>
/// DeepL's hosted API (<c>POST /v2/translate</c>, <c>Authorization: DeepL-Auth-Key ...</c>), for
/// production: many languages, neural quality, billed per character; the cache in front of it is
/// what keeps repeated chat ("hi", "lol", "how much?") from being paid for twice.
/// </summary>
public sealed class DeepLTranslator(HttpClient http) : ITranslator
{
    // DeepL wants a variant for a few target languages; these are its documented defaults.
    private static readonly Dictionary<string, string> Targets = new(StringComparer.Ordinal)
    {
        ["en"] = "EN-US", ["pt"] = "PT-BR", ["zh"] = "ZH-HANS",
    };

    public async Task<string?> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken)
    {
        var request = new DeepLRequest([text], from.ToUpperInvariant(), Targets.GetValueOrDefault(to, to.ToUpperInvariant()));
        using var response = await http.PostAsJsonAsync("v2/translate", request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // A language DeepL does not offer.
            return null;
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<DeepLResponse>(cancellationToken);
        return body?.Translations is [{ Text: var translated }, ..] ? translated : null;
    }

    private sealed record DeepLRequest(
        [property: JsonPropertyName("text")] string[] Text,
        [property: JsonPropertyName("source_lang")] string SourceLang,
        [property: JsonPropertyName("target_lang")] string TargetLang);

    private sealed record DeepLResponse([property: JsonPropertyName("translations")] DeepLTranslation[]? Translations);

    private sealed record DeepLTranslation([property: JsonPropertyName("text")] string Text);
}

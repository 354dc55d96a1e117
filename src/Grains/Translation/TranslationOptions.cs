namespace Broadcart.Grains.Translation;

/// <summary>The <c>Translation</c> configuration section.</summary>
public sealed class TranslationOptions
{
    public const string None = "none";

    /// <summary><c>none</c> (the default), <c>apertium</c> (an APY server) or <c>deepl</c> (DeepL's API).</summary>
    public string Provider { get; set; } = None;

    public bool Enabled => !string.Equals(Provider, None, StringComparison.OrdinalIgnoreCase);

    /// <summary>The APY server, e.g. <c>http://127.0.0.1:2737</c>.</summary>
    public Uri? ApertiumUrl { get; set; }

    /// <summary>DeepL's API: <c>https://api-free.deepl.com</c> for free keys, <c>https://api.deepl.com</c> for paid ones.</summary>
    public Uri DeepLUrl { get; set; } = new("https://api-free.deepl.com");

    public string? DeepLKey { get; set; }

    /// <summary>A translation not back by then is given up: the viewers keep the original.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Translations kept per silo, by text and language pair.</summary>
    public int CacheEntries { get; set; } = 20_000;

    /// <summary>A message is translated into at most this many of the languages its room's viewers use.</summary>
    public int MaxLanguagesPerMessage { get; set; } = 100;
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Translation;

/// <summary>
/// What the translation worker calls: results cached per (text, language pair), each call bounded
/// by <see cref="TranslationOptions.Timeout"/>, and any failure reported as no translation, so a
/// translator outage costs viewers the translation and nothing else.
/// </summary>
public sealed class CachingTranslator(ITranslator inner, IOptions<TranslationOptions> options, IMeterFactory meters, ILogger<CachingTranslator> log) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheEntries });
    private readonly Counter<long> _calls = meters.Create(Hosting.BroadcartTelemetry.SourceName).CreateCounter<long>("broadcart.translation.calls", description: "Calls to the translator, by outcome");

    public async Task<string?> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken)
    {
        var key = (from, to, text);
        if (_cache.TryGetValue(key, out string? cached))
        {
            _calls.Add(1, new KeyValuePair<string, object?>("outcome", "cached"));
            return cached;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var translated = await inner.TranslateAsync(text, from, to, timeout.Token);
            _calls.Add(1, new KeyValuePair<string, object?>("outcome", translated is null ? "no_pair" : "translated"));
            _cache.Set(key, translated, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            return translated;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            _calls.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            log.LogWarning("Translation {From}->{To} failed ({Error}); viewers keep the original", from, to, ex.Message);
            return null;
        }
    }

    public void Dispose() => _cache.Dispose();
}

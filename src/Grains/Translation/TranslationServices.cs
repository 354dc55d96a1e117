using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Translation;

public static class TranslationServices
{
    public const string Client = "translation";

    /// <summary>Registers the translator <c>Translation:Provider</c> names: <c>none</c> (the default), <c>apertium</c> or <c>deepl</c>.</summary>
    public static IServiceCollection AddChatTranslation(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Translation");
        services.Configure<TranslationOptions>(section);
        var options = section.Get<TranslationOptions>() ?? new TranslationOptions();
        var provider = options.Provider.ToLowerInvariant();
        switch (provider)
        {
            case TranslationOptions.None:
                services.AddSingleton<ITranslator, NoTranslator>();
                break;
            case "apertium":
                var apy = options.ApertiumUrl ?? throw new InvalidOperationException("Translation:Provider=apertium needs Translation:ApertiumUrl (the APY server).");
                services.AddHttpClient(Client, c => c.BaseAddress = WithSlash(apy));
                services.AddSingleton<ITranslator>(sp => new ApertiumTranslator(sp.GetRequiredService<IHttpClientFactory>().CreateClient(Client)));
                break;
            case "deepl":
                if (string.IsNullOrWhiteSpace(options.DeepLKey))
                {
                    throw new InvalidOperationException("Translation:Provider=deepl needs Translation:DeepLKey.");
                }

                services.AddHttpClient(Client, c =>
                {
                    c.BaseAddress = WithSlash(options.DeepLUrl);
                    c.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "DeepL-Auth-Key " + options.DeepLKey);
                });
                services.AddSingleton<ITranslator>(sp => new DeepLTranslator(sp.GetRequiredService<IHttpClientFactory>().CreateClient(Client)));
                break;
            default:
                throw new InvalidOperationException($"Translation:Provider '{provider}' is not supported; use none, apertium or deepl.");
        }

        services.AddSingleton<CachingTranslator>();
        return services;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

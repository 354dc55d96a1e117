using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Fx;

public static class FxServices
{
    /// <summary>Registers the <see cref="IExchangeRates"/> that <c>Fx:Source</c> names (<c>file</c> by default, or <c>http</c>).</summary>
    public static IServiceCollection AddExchangeRates(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Fx");
        services.Configure<FxOptions>(section);
        var options = section.Get<FxOptions>() ?? new FxOptions();
        switch (options.Source.ToLowerInvariant())
        {
            case "file":
                services.TryAddSingleton<IExchangeRates>(new FileExchangeRates(options.RatesFile));
                break;
            case "http":
                services.TryAddSingleton(TimeProvider.System);
                services.AddHttpClient(HttpExchangeRates.ClientName);
                services.TryAddSingleton<IExchangeRates>(sp => new HttpExchangeRates(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpExchangeRates.ClientName),
                    sp.GetRequiredService<IOptions<FxOptions>>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<HttpExchangeRates>>()));
                break;
            default:
                throw new InvalidOperationException($"Fx:Source '{options.Source}' is not supported; use file or http.");
        }

        return services;
    }
}

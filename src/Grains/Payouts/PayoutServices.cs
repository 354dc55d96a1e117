using Broadcart.Grains.Payouts.Wise;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Payouts;

public static class PayoutServices
{
    public const string WiseClient = "wise";

    /// <summary>Registers the <see cref="IPayoutRail"/> that <c>Payouts:Rail</c> names: <c>local</c> (the default) or <c>wise</c>.</summary>
    public static IServiceCollection AddPayoutRail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PayoutOptions>(configuration.GetSection("Payouts"));
        var rail = (configuration.GetSection("Payouts").Get<PayoutOptions>() ?? new PayoutOptions()).Rail.ToLowerInvariant();
        switch (rail)
        {
            case LocalPayoutRail.RailName:
                services.TryAddSingleton<LocalPayoutRail>();
                services.TryAddSingleton<IPayoutRail>(sp => sp.GetRequiredService<LocalPayoutRail>());
                break;
            case WisePayoutRail.RailName:
                var section = configuration.GetSection("Payouts:Wise");
                var wise = section.Get<WiseOptions>() ?? new WiseOptions();
                if (string.IsNullOrWhiteSpace(wise.ApiToken) || wise.ProfileId <= 0)
                {
                    throw new InvalidOperationException("Payouts:Rail=wise needs Payouts:Wise:ApiToken and Payouts:Wise:ProfileId.");
                }

                services.Configure<WiseOptions>(section);
                services.AddHttpClient(WiseClient).AddStandardResilienceHandler(o =>
                {
                    o.AttemptTimeout.Timeout = wise.AttemptTimeout;
                    o.TotalRequestTimeout.Timeout = wise.Timeout;
                    o.Retry.MaxRetryAttempts = wise.MaxRetries;
                    o.Retry.Delay = wise.RetryDelay;

                    // The handler requires a sampling window of at least two attempts.
                    o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * wise.AttemptTimeout.Ticks));
                });
                services.TryAddSingleton<IPayoutRail>(sp => new WisePayoutRail(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(WiseClient), sp.GetRequiredService<IOptions<WiseOptions>>()));
                break;
            default:
                throw new InvalidOperationException($"Payouts:Rail '{rail}' is not supported; use local or wise.");
        }

        return services;
    }
}

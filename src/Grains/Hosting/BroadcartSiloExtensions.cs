using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Broadcart.Grains.Archive;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Fx;
using Broadcart.Grains.Payouts;
using Broadcart.Grains.Translation;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Commerce.Log;
using Broadcart.Grains.Creators;
using Broadcart.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Broadcart.Grains.Hosting;

/// <summary>
/// The one place a silo is configured, used by <c>src/Silo</c> and by the API's co-hosted silo, so
/// that the two ways to run differ only in configuration.
/// </summary>
public static class BroadcartSiloExtensions
{
    public static ISiloBuilder AddBroadcart(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });

        // Probe timing: how fast a dead silo is evicted (tests and small clusters shorten it).
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:ClusterMembership"));

        switch (settings.Membership)
        {
            case "Localhost":
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, settings.PrimarySilo, settings.ServiceId, settings.ClusterId);
                break;
            case "Redis":
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisSettings.From(configuration));
                if (settings.AdvertisedAddress is { } address)
                {
                    silo.ConfigureEndpoints(address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    // In a container the host name resolves to the address other silos can reach.
                    silo.ConfigureEndpoints(System.Net.Dns.GetHostName(), settings.SiloPort, settings.GatewayPort, System.Net.Sockets.AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
                }

                break;
            case "Kubernetes":
                // Pods find each other through the Kubernetes API; Redis still holds the membership table.
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisSettings.From(configuration));
                silo.UseKubernetesHosting();
                break;
            default:
                throw new InvalidOperationException($"Orleans:Membership '{settings.Membership}' is not supported; use Localhost, Redis or Kubernetes.");
        }

        return silo.AddBroadcartGrains(configuration);
    }

    /// <summary>Storage, reminders and options for the grains, without membership (test clusters bring their own).</summary>
    public static ISiloBuilder AddBroadcartGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        switch (settings.StateStore)
        {
            case "Memory":
                silo.AddMemoryGrainStorage(StorageNames.Default);
                silo.Services.AddSingleton<ISaleLog>(sp => new GrainStorageSaleLog(sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default)));
                break;
            case "Blob":
                var blob = configuration.GetSection("Blob").Get<BlobStorageOptions>() ?? new BlobStorageOptions();
                silo.AddAzureBlobGrainStorage(StorageNames.Default, o => BlobStateStore.Configure(o, blob));

                // The one thing the provider cannot do: appends. The sale log stays hand-written, in the same container.
                silo.Services.AddSingleton<ISaleLog>(new BlobSaleLog(BlobClients.Container(blob, blob.StateContainer)));
                break;
            default:
                throw new InvalidOperationException($"Orleans:StateStore '{settings.StateStore}' is not supported; use Memory or Blob.");
        }

        switch (settings.ReminderStore)
        {
            case "Memory":
                silo.UseInMemoryReminderService();
                break;
            case "Redis":
                silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisSettings.From(configuration));
                break;
            default:
                throw new InvalidOperationException($"Orleans:ReminderStore '{settings.ReminderStore}' is not supported; use Memory or Redis.");
        }

        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();

        // Orleans' cache-size gauge walks the whole directory cache at every metrics collection
        // (the dashboard collects every few seconds): a million-entry cache costs a silo CPU when idle.
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = configuration.GetValue("Orleans:DirectoryCacheSize", 100_000));
        if (DashboardSettings.Enabled(configuration))
        {
            silo.AddDashboard(o => DashboardSettings.Bind(configuration, o));
        }

        if (BroadcartTelemetry.IsExported(configuration))
        {
            silo.AddActivityPropagation();
        }
        silo.Services.AddBroadcartTelemetry(configuration, "broadcart-silo");
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddEventArchive(configuration);
        silo.Services.Configure<RoomOptions>(configuration.GetSection("Rooms"));
        silo.Services.Configure<ChatRateOptions>(configuration.GetSection("Chat"));
        silo.Services.Configure<VerificationOptions>(configuration.GetSection("Verification"));
        silo.Services.Configure<Broadcart.Grains.Earnings.LedgerOptions>(configuration.GetSection("Payouts"));
        silo.Services.AddExchangeRates(configuration);
        silo.Services.AddReportStore(configuration);
        silo.Services.Configure<AttributionOptions>(configuration.GetSection("Attribution"));
        silo.Services.TryAddSingleton(sp => new AttributionClock(sp.GetRequiredService<TimeProvider>()));
        silo.Services.AddPayoutRail(configuration);
        silo.Services.AddChatTranslation(configuration);
        if (configuration.GetSection("Blob").Get<BlobStorageOptions>() is { ConnectionString.Length: > 0 } documents)
        {
            var verification = configuration.GetSection("Verification").Get<VerificationOptions>() ?? new VerificationOptions();
            silo.Services.AddSingleton<IVerificationDocuments>(new BlobVerificationDocuments(BlobClients.Container(documents, verification.Container)));
        }
        silo.Services.Configure<OrderOptions>(configuration.GetSection("Orders"));
        silo.Services.Configure<FeedOptions>(configuration.GetSection("Feeds"));
        return silo;
    }
}

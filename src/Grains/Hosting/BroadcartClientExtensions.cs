using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Broadcart.Grains.Hosting;

/// <summary>Makes a host an Orleans client of an external Broadcart cluster (<c>Orleans:Mode=Client</c>).</summary>
public static class BroadcartClientExtensions
{
    public static IClientBuilder AddBroadcart(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansSettings.From(configuration);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });

        switch (settings.Membership)
        {
            case "Localhost":
                client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
                break;
            case "Static":
                if (settings.Gateways.Count == 0)
                {
                    throw new InvalidOperationException("Orleans:Membership=Static needs Orleans:Gateways, e.g. '127.0.0.1:30000,127.0.0.1:30001'.");
                }

                client.UseStaticClustering(settings.Gateways.ToArray());
                break;
            case "Redis" or "Kubernetes":
                client.UseRedisClustering(o => o.ConfigurationOptions = RedisSettings.From(configuration));
                break;
            default:
                throw new InvalidOperationException($"Orleans:Membership '{settings.Membership}' is not supported for clients; use Localhost, Static, Redis or Kubernetes.");
        }

        if (DashboardSettings.Enabled(configuration))
        {
            client.AddDashboard(o => DashboardSettings.Bind(configuration, o));
        }

        if (BroadcartTelemetry.IsExported(configuration))
        {
            client.AddActivityPropagation();
        }
        client.Services.AddBroadcartTelemetry(configuration, "broadcart-api");
        return client;
    }
}

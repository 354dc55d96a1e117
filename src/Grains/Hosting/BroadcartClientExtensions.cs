using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

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
            default:
                throw new InvalidOperationException($"Orleans:Membership '{settings.Membership}' is not supported for clients; use Localhost or Static.");
        }

        return client;
    }
}

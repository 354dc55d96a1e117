using Broadcart.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>A real silo in this process, on loopback ports, configured by the production extension.</summary>
public sealed class TestSilo(IHost host, int gatewayPort) : IAsyncDisposable
{
    public int GatewayPort { get; } = gatewayPort;

    public static async Task<TestSilo> StartAsync(string clusterId, int siloPort, int gatewayPort, int primarySiloPort, IDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:Membership"] = "Localhost",
            ["Orleans:SiloPort"] = siloPort.ToString(),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(),
            ["Orleans:PrimarySilo"] = $"127.0.0.1:{primarySiloPort}",
        });
        if (extra is not null)
        {
            builder.Configuration.AddInMemoryCollection(extra);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddBroadcart(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

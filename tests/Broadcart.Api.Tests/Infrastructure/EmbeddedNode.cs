namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>The default way to run: one process, co-hosted silo, in-memory state, dev tokens on.</summary>
public static class EmbeddedNode
{
    public static Task<ApiNode> StartAsync(IDictionary<string, string?>? extra = null, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var settings = ApiNode.DefaultSettings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        settings["Orleans:Mode"] = "Embedded";
        settings["Orleans:ClusterId"] = "embedded-" + Guid.NewGuid().ToString("N")[..8];
        settings["Orleans:SiloPort"] = Ports.Free().ToString();
        settings["Orleans:GatewayPort"] = Ports.Free().ToString();
        return ApiNode.StartAsync(settings, configure);
    }
}

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>The default way to run: one process, co-hosted silo, in-memory state, dev tokens on.</summary>
public static class EmbeddedNode
{
    public static Task<ApiNode> StartAsync()
    {
        var settings = ApiNode.DefaultSettings();
        settings["Orleans:Mode"] = "Embedded";
        settings["Orleans:ClusterId"] = "embedded-" + Guid.NewGuid().ToString("N")[..8];
        settings["Orleans:SiloPort"] = Ports.Free().ToString();
        settings["Orleans:GatewayPort"] = Ports.Free().ToString();
        return ApiNode.StartAsync(settings);
    }
}

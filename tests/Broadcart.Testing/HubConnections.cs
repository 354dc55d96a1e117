using Broadcart.Protocol;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Testing;

/// <summary>How the tests and the benchmark connect to a hub: WebSockets without negotiation, JSON by the wire's rules or MessagePack in its JSON shape.</summary>
public static class HubConnections
{
    public static HubConnection Create(Uri hub, string? token, bool messagePack)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult(token);
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol(o => o.SerializerOptions = MessagePackWire.Options);
        }
        else
        {
            builder.AddJsonProtocol(o => WireJson.Configure(o.PayloadSerializerOptions));
        }

        return builder.Build();
    }
}

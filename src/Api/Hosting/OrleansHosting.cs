using Broadcart.Grains.Hosting;

namespace Broadcart.Api.Hosting;

public static class OrleansHosting
{
    /// <summary>
    /// <c>Orleans:Mode=Embedded</c> (default) co-hosts a silo configured by the same extension the
    /// Silo project uses; <c>Orleans:Mode=Client</c> joins an external cluster as a client.
    /// </summary>
    public static WebApplicationBuilder AddBroadcartOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Orleans:Mode"] ?? "Embedded";
        switch (mode)
        {
            case "Embedded":
                builder.UseOrleans(silo => silo.AddBroadcart(builder.Configuration));
                break;
            case "Client":
                builder.UseOrleansClient(client => client.AddBroadcart(builder.Configuration));
                break;
            default:
                throw new InvalidOperationException($"Orleans:Mode '{mode}' is not supported; use Embedded or Client.");
        }

        return builder;
    }
}

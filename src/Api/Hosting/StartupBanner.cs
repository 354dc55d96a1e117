using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Broadcart.Api.Hosting;

/// <summary>Says where everything is once Kestrel listens, and whether state is durable.</summary>
public static class StartupBanner
{
    public static void Register(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Broadcart");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var mode = app.Configuration["Orleans:Mode"] ?? "Embedded";
            var storage = app.Configuration["Orleans:StateStore"] ?? "Memory";
            if (mode == "Embedded" && storage == "Memory")
            {
                log.LogWarning(
                    "Grain state and reminders are in memory: they are lost when this process stops. " +
                    "The durable mode (silos on Redis and Azure Blob Storage) is described in docs/deploy.md.");
            }

            if (app.Services.GetRequiredService<Broadcart.Grains.Archive.IEventArchive>() is Broadcart.Grains.Archive.InMemoryEventArchive memory)
            {
                log.LogWarning(
                    "The event archive (replays, chat exports) is in memory without Blob Storage: at most {Max} events across rooms " +
                    "(the rooms appended to longest ago are forgotten first), lost when this process stops (Archive:MemoryEvents).",
                    memory.MaxEvents);
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var url in addresses)
            {
                log.LogInformation(
                    "Broadcart is up ({Mode}).\n  Streamer console: {Url}/streamer.html\n  Viewer page:      {Url}/viewer.html\n" +
                    "  Merchant console: {Url}/merchant.html\n  SignalR hub:      {Url}/hubs/live\n  API reference:    {Url}/scalar/v1\n" +
                    "  OpenAPI:          {Url}/openapi/v1.json\n  AsyncAPI (hub):   {Url}/asyncapi/v1.json\n  Orleans dashboard (admins): {Url}/admin.html",
                    mode, url, url, url, url, url, url, url, url);
            }
        });
    }
}

using Broadcart.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>A real API node: Kestrel on 127.0.0.1, the production host setup, test configuration.</summary>
public sealed class ApiNode : NodeClient, IAsyncDisposable
{
    private ApiNode(WebApplication app, Uri baseUrl)
        : base(baseUrl)
    {
        App = app;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Auth:DevTokens"] = "true",
        ["Auth:SigningKey"] = TestSecrets.SigningKey,
        ["Relay:HeartbeatInterval"] = "00:00:01",
        ["RateLimits:HttpPerSecond"] = "5000",
        ["RateLimits:HttpBurst"] = "20000",
        ["Payments:WebhookSecret"] = TestSecrets.WebhookSecret,
    };

    /// <summary>Builds the node; throws what the real host throws for bad configuration.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = RepoPaths.ApiContentRoot,
            EnvironmentName = "Testing",
            ApplicationName = typeof(BroadcartApiHost).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddBroadcartApi();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapBroadcartApi();
        return app;
    }

    public static async Task<ApiNode> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(settings, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiNode(app, new Uri(address));
    }

    /// <summary>Mints a token with the node's own issuer: for crowds, without a request per token.</summary>
    public string MintToken(string userId, string role = "viewer", string region = "US", string? name = null) =>
        Services.GetRequiredService<Broadcart.Api.Identity.DevTokenIssuer>().Issue(userId, name ?? userId, [role], region);

    public async ValueTask DisposeAsync()
    {
        Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

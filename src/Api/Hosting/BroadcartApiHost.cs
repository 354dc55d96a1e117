using Microsoft.AspNetCore.SignalR.Protocol;
using System.Text.Json;
using System.Text.Json.Serialization;
using Broadcart.Api.Admin;
using Broadcart.Api.Archive;
using Broadcart.Api.Auctions;
using Broadcart.Api.Commerce;
using Broadcart.Api.Contract;
using Broadcart.Api.Creators;
using Broadcart.Api.Deals;
using Broadcart.Api.Errors;
using Broadcart.Api.Feeds;
using Broadcart.Api.Health;
using Broadcart.Api.Metrics;
using Broadcart.Api.Identity;
using Broadcart.Api.Live;
using Broadcart.Api.Media;
using Broadcart.Api.Orders;
using Broadcart.Api.Payments;
using Broadcart.Api.Products;
using Broadcart.Api.Reach;
using Broadcart.Api.Relay;
using Broadcart.Api.Rooms;
using Broadcart.Api.Replay;
using Broadcart.Api.Reports;
using Broadcart.Grains.Archive;
using Broadcart.Grains.Fx;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Rooms;
using Broadcart.Protocol;
using Broadcart.Grains.Storage;
using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace Broadcart.Api.Hosting;

/// <summary>Everything an API node is, for Program and for tests that host real nodes.</summary>
public static class BroadcartApiHost
{
    public static WebApplicationBuilder AddBroadcartApi(this WebApplicationBuilder builder)
    {
        builder.AddBroadcartOrleans();
        builder.AddBroadcartAuthentication();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddBroadcartProblems();
        services.AddBroadcartRateLimiting(builder.Configuration);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi();
        services.AddBroadcartHealth(builder.Configuration);
        services.AddEventArchive(builder.Configuration);
        if ((builder.Configuration["Orleans:Mode"] ?? "Embedded") == "Embedded")
        {
            services.UseMemoryArchiveWithoutBlob(builder.Configuration);
        }

        services.AddReportStore(builder.Configuration);
        services.AddExchangeRates(builder.Configuration);
        services.Configure<Broadcart.Grains.Attribution.AttributionOptions>(builder.Configuration.GetSection("Attribution"));
        services.AddSingleton<MediaStore>();
        services.AddSingleton<VerificationUploads>();
        services.AddHostedService<BlobCors>();
        services.Configure<Broadcart.Grains.Creators.VerificationOptions>(builder.Configuration.GetSection("Verification"));
        if (builder.Configuration.GetSection("Blob").Get<BlobStorageOptions>() is { ConnectionString.Length: > 0 } blob)
        {
            services.AddSingleton(BlobClients.Service(blob));
        }

        // A hub connection is one HTTP request that lives as long as the viewer stays: as a span it
        // would be hours long and hold its tags all that time. Hub invocations still get metrics.
        services.ConfigureOpenTelemetryTracerProvider(t => t
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(LiveHub.Path))
            .AddHttpClientInstrumentation());
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());

        services.Configure<RelayOptions>(builder.Configuration.GetSection("Relay"));
        services.Configure<ChatRateOptions>(builder.Configuration.GetSection("Chat"));
        services.Configure<HubLimitOptions>(builder.Configuration.GetSection("Hub"));
        var hubLimits = builder.Configuration.GetSection("Hub").Get<HubLimitOptions>() ?? new HubLimitOptions();
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<NodeRooms>();
        services.AddSingleton<ViewerRegion>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<HubLifetimeManager<LiveHub>>(sp => sp.GetRequiredService<LiveConnections>());
        services.AddSingleton<ChatRateLimitFilter>();
        services.AddSingleton<HubLimitFilter>();
        services.AddSingleton<RoomCommerceViews>();
        services.AddSingleton<SoldOutSales>();
        services.AddSingleton<OrderPlacement>();
        services.AddSingleton<RoomReports>();
        services.AddSingleton(builder.Configuration.GetSection("Payments").Get<PaymentSettings>() ?? new PaymentSettings());
        services.AddHostedService<NodeReporter>();
        services.AddHostedService<SlowViewerWatch>();
        services.AddSingleton<MetricsWatchers>();
        services.AddHostedService<MetricsPump>();

        services
            .AddSignalR(o =>
            {
                // Registered outermost first: refusals from the limiter are coded by the error filter.
                o.AddFilter<HubErrorFilter>();
                o.AddFilter<HubLimitFilter>();
                o.AddFilter<ChatRateLimitFilter>();
                o.MaximumReceiveMessageSize = hubLimits.MaximumReceiveMessageSize;
            })
            .AddJsonProtocol(o => WireJson.Configure(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = MessagePackWire.Options);
        RefuseUnreadableInvocations(services);
        return builder;
    }

    /// <summary>Every registered hub protocol answers unreadable arguments with a coded refusal (<see cref="BindingFailureProtocol"/>).</summary>
    private static void RefuseUnreadableInvocations(IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHubProtocol)).ToList())
        {
            services.Remove(descriptor);
            services.AddSingleton<IHubProtocol>(sp => new BindingFailureProtocol(
                (IHubProtocol)(descriptor.ImplementationInstance
                    ?? descriptor.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!))));
        }
    }

    public static WebApplication MapBroadcartApi(this WebApplication app)
    {
        app.UseExceptionHandler();

        // Error pages are for HTTP answers; a hub connection would carry the middleware for its whole life.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments(LiveHub.Path), branch => branch.UseStatusCodePages());
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapBroadcartHealth();
        app.MapOpenApi();
        app.MapContract();
        app.MapScalarApiReference();
        if (app.Services.GetRequiredService<AuthSettings>().DevTokens)
        {
            app.MapDevTokens();
        }

        app.MapRooms();
        app.MapCreators();
        app.MapVerification();
        app.MapDeals();
        app.MapPayouts();
        app.MapProducts();
        app.MapCommerce();
        app.MapAuctions();
        app.MapOrders();
        app.MapPaymentWebhook();
        app.MapReach();
        app.MapFeed();
        app.MapMetrics();
        app.MapReports();
        app.MapArchive();
        app.MapReplay();
        app.MapMedia();
        app.MapAdmin();
        app.MapDashboard(app.Configuration);
        // Hub:TransportMaxBufferSize: what one connection's outgoing buffer holds before its sends
        // wait for the socket (SignalR's default is 64 KB); a smaller one finds stalled sockets sooner.
        var transportBuffer = app.Configuration.GetValue<long?>("Hub:TransportMaxBufferSize");
        app.MapHub<LiveHub>(LiveHub.Path, o =>
        {
            // A viewer whose token runs out is disconnected, and must sign in again to reconnect.
            o.CloseOnAuthenticationExpiration = true;
            if (transportBuffer is { } bytes)
            {
                o.TransportMaxBufferSize = bytes;
            }
        });
        StartupBanner.Register(app);
        return app;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Broadcart.Api.Admin;
using Broadcart.Api.Archive;
using Broadcart.Api.Commerce;
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
using Broadcart.Grains.Archive;
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
        services.AddSingleton<MediaStore>();
        if (builder.Configuration.GetSection("Blob").Get<BlobStorageOptions>() is { ConnectionString.Length: > 0 } blob)
        {
            services.AddSingleton(BlobClients.Service(blob));
        }

        services.ConfigureOpenTelemetryTracerProvider(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());

        services.Configure<RelayOptions>(builder.Configuration.GetSection("Relay"));
        services.Configure<ChatRateOptions>(builder.Configuration.GetSection("Chat"));
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<RoomRelay>();
        services.AddSingleton<RelayReference>();
        services.AddSingleton<LocalRooms>();
        services.AddSingleton<Presence>();
        services.AddSingleton<ViewerRegion>();
        services.AddSingleton<ChatRateLimitFilter>();
        services.AddSingleton<RoomCommerceViews>();
        services.AddSingleton<SoldOutSales>();
        services.AddSingleton<OrderPlacement>();
        services.AddSingleton(builder.Configuration.GetSection("Payments").Get<PaymentSettings>() ?? new PaymentSettings());
        services.AddHostedService<RelayPump>();
        services.AddHostedService<NodeReporter>();
        services.AddSingleton<MetricsWatchers>();
        services.AddHostedService<MetricsPump>();

        services
            .AddSignalR(o =>
            {
                // Registered outermost first: refusals from the limiter are coded by the error filter.
                o.AddFilter<HubErrorFilter>();
                o.AddFilter<ChatRateLimitFilter>();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return builder;
    }

    public static WebApplication MapBroadcartApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapBroadcartHealth();
        app.MapOpenApi();
        app.MapScalarApiReference();
        if (app.Services.GetRequiredService<AuthSettings>().DevTokens)
        {
            app.MapDevTokens();
        }

        app.MapRooms();
        app.MapProducts();
        app.MapCommerce();
        app.MapOrders();
        app.MapPaymentWebhook();
        app.MapReach();
        app.MapFeed();
        app.MapMetrics();
        app.MapArchive();
        app.MapMedia();
        app.MapAdmin();
        app.MapDashboard(app.Configuration);
        app.MapHub<LiveHub>("/hubs/live");
        StartupBanner.Register(app);
        return app;
    }
}

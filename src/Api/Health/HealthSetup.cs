using System.Text.Json;
using Broadcart.Grains.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Broadcart.Api.Health;

/// <summary>
/// <c>/health/live</c>: the process runs. <c>/health/ready</c>: the cluster, and Redis and Blob
/// Storage where this node is configured to use them, answer. Both anonymous, for probes.
/// </summary>
public static class HealthSetup
{
    public static IServiceCollection AddBroadcartHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<OrleansHealthCheck>("orleans", tags: ["ready"]);
        if (!string.IsNullOrWhiteSpace(configuration["Redis:Configuration"]))
        {
            services.AddSingleton<RedisHealthCheck>();
            checks.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        if (!string.IsNullOrWhiteSpace(configuration["Blob:ConnectionString"]))
        {
            checks.AddCheck<BlobHealthCheck>("blob", tags: ["ready"]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapBroadcartHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description, error = e.Value.Exception?.Message }),
        }, JsonSerializerOptions.Web));
    }
}

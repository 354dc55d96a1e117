using System.Threading.RateLimiting;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadcart.Api.Hosting;

/// <summary>A token bucket per user (or per address when anonymous) over every HTTP call but the hub's connections.</summary>
public static class HttpRateLimiting
{
    public static IServiceCollection AddBroadcartRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("RateLimits:HttpPerSecond", 50);
        var burst = configuration.GetValue("RateLimits:HttpBurst", 200);
        services.AddRateLimiter(o =>
        {
            // A hub connection is one request for its whole life and its invocations are limited by
            // the hub itself: counting its upgrade here would cost every joiner a bucket and buys nothing.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Path.StartsWithSegments(Live.LiveHub.Path)
                ? RateLimitPartition.GetNoLimiter("hub")
                : RateLimitPartition.GetTokenBucketLimiter(
                    http.User.FindFirst(ClaimNames.Subject)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = $"too many requests: at most {perSecond} a second",
                        Extensions = { ["code"] = ErrorCodes.RateLimited },
                    },
                });
            };
        });
        return services;
    }
}

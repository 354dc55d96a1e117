using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Live;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Common;
using System.Collections.Immutable;
using Broadcart.Grains.Feeds;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Reach;

namespace Broadcart.Api.Feeds;

public sealed record FeedRoom(string RoomId, string Title, string StreamerName, string HomeRegion, int ViewerCount, bool Paid);

public sealed record FeedResponse(string Region, IReadOnlyList<FeedRoom> Rooms);

public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        // Only the benchmark's baseline turns the cache off: a grain call and a charge per request.
        var uncached = !app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Feeds:Cache", true);
        app.MapGet("/api/feed", async (string? region, int? limit, ClaimsPrincipal user, ViewerRegion regions, HttpContext http, IGrainFactory grains) =>
            {
                var target = string.IsNullOrEmpty(region) ? regions.Resolve(http, user) : region.Trim();
                if (!Regions.IsValid(target))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, $"region '{target}' is not an ISO 3166-1 alpha-2 code");
                }

                if (limit is < 1 or > 50)
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "limit must be between 1 and 50");
                }

                var entries = uncached
                    ? await UncachedAsync(grains, target, limit ?? 20)
                    : await grains.GetGrain<IFeedCacheGrain>(target).Get(limit ?? 20);
                if (!entries.IsDefaultOrEmpty)
                {
                    // Each listed room is a view for attribution: one-way, the feed never waits on it.
                    _ = grains.GetGrain<IUserTouchpointsGrain>(user.UserId()).Viewed([.. entries.Select(e => e.RoomId)]);
                }

                return TypedResults.Ok(new FeedResponse(target, [.. entries.Select(e => new FeedRoom(e.RoomId, e.Title, e.StreamerName, e.HomeRegion, e.ViewerCount, e.Paid))]));
            })
            .RequireAuthorization()
            .WithTags("Feed")
            .WithSummary("Live rooms visible in a region, paid by bid then organic by viewers; each listed room counts one impression");
        return app;
    }

    private static async Task<ImmutableArray<FeedEntry>> UncachedAsync(IGrainFactory grains, string region, int limit)
    {
        var page = (await grains.GetGrain<IRegionFeedGrain>(region).List()).Take(limit).ToImmutableArray();
        foreach (var entry in page)
        {
            if (entry.Paid)
            {
                await grains.GetGrain<IRoomReachGrain>(entry.RoomId).Charge(region, 1);
            }

            _ = grains.GetGrain<IRoomMetricsGrain>(entry.RoomId).Record(
                [new MetricsDelta(region, OrganicImpressions: entry.Paid ? 0 : 1, PaidImpressions: entry.Paid ? 1 : 0)]);
        }

        return page;
    }
}

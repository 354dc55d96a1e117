using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Api.Live;
using Broadcart.Grains.Common;
using Broadcart.Grains.Feeds;

namespace Broadcart.Api.Feeds;

public sealed record FeedRoom(string RoomId, string Title, string StreamerName, string HomeRegion, int ViewerCount, bool Paid);

public sealed record FeedResponse(string Region, IReadOnlyList<FeedRoom> Rooms);

public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder app)
    {
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

                var entries = await grains.GetGrain<IFeedCacheGrain>(target).Get(limit ?? 20);
                return TypedResults.Ok(new FeedResponse(target, [.. entries.Select(e => new FeedRoom(e.RoomId, e.Title, e.StreamerName, e.HomeRegion, e.ViewerCount, e.Paid))]));
            })
            .RequireAuthorization()
            .WithTags("Feed")
            .WithSummary("Live rooms visible in a region, paid by bid then organic by viewers; each listed room counts one impression");
        return app;
    }
}

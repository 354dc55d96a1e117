using System.Security.Claims;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Metrics;

namespace Broadcart.Api.Metrics;

public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rooms/{roomId}/metrics", async (string roomId, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                await RoomEarningsAccess.EnsureMaySeeAsync(grains, roomId, user);
                return TypedResults.Ok(await grains.GetGrain<IRoomMetricsGrain>(roomId).Get());
            })
            .RequireAuthorization()
            .WithTags("Metrics")
            .WithSummary("Funnel and money figures, total, by region and by minute (owner or the room's merchant)");
        return app;
    }
}

using System.Security.Claims;
using System.Text;

namespace Broadcart.Api.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rooms/{roomId}").RequireAuthorization().WithTags("Reports");
        group.MapGet("/report", async (string roomId, string? currency, ClaimsPrincipal user, RoomReports reports, CancellationToken cancellationToken) =>
                TypedResults.Ok(await reports.GetAsync(roomId, user, currency, cancellationToken)))
            .WithSummary("Post-campaign report in one currency: total, by region, by hour, with attributed orders (owner or the room's merchant)");
        group.MapGet("/report.csv", async (string roomId, string? currency, ClaimsPrincipal user, RoomReports reports, CancellationToken cancellationToken) =>
            {
                var report = await reports.GetAsync(roomId, user, currency, cancellationToken);
                return Results.File(Encoding.UTF8.GetBytes(ReportCsv.Render(report)), "text/csv; charset=utf-8", $"{roomId}-report-{report.Currency}.csv");
            })
            .WithSummary("The same report as CSV");
        return app;
    }
}

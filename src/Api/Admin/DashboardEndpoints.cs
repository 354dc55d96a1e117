using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Broadcart.Grains.Hosting;
using Microsoft.Net.Http.Headers;
using Orleans.Dashboard;

namespace Broadcart.Api.Admin;

/// <summary>
/// The Orleans dashboard under <c>/admin/dashboard/</c>, for admins only, and the session calls the
/// sign-in page (<c>/admin.html</c>) uses to hand the dashboard an admin's token.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!DashboardSettings.Enabled(configuration))
        {
            return app;
        }

        app.MapOrleansDashboard(DashboardCookie.Path)
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();

        var session = app.MapGroup("/api/admin/dashboard/session").WithTags("Admin");
        session.MapPost("", (HttpContext context, ClaimsPrincipal user) =>
            {
                // The admin policy has already validated this very header.
                var header = context.Request.Headers[HeaderNames.Authorization].ToString();
                if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "sign in to the dashboard with an Authorization: Bearer header");
                }

                var expires = long.TryParse(user.FindFirstValue("exp"), out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : (DateTimeOffset?)null;
                DashboardCookie.Issue(context.Response, header["Bearer ".Length..].Trim(), expires ?? DateTimeOffset.UtcNow.AddHours(1));
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Open a dashboard session: the admin's token goes into an HttpOnly cookie for /admin/dashboard (admins only)");
        session.MapDelete("", (HttpContext context) =>
            {
                DashboardCookie.Clear(context.Response);
                return Results.NoContent();
            })
            .AllowAnonymous()
            .WithSummary("Close the dashboard session");
        return app;
    }
}

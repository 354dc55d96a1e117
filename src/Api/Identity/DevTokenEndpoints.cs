using Broadcart.Grains.Common;

namespace Broadcart.Api.Identity;

public sealed record DevTokenRequest(string? UserId, string? Name, string[]? Roles, string? Region);

public sealed record DevTokenResponse(string Token);

/// <summary><c>POST /api/dev/token</c>: exists only when <c>Auth:DevTokens</c> is true.</summary>
public static class DevTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevTokens(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/token", (DevTokenRequest request, DevTokenIssuer issuer) =>
            {
                var userId = request.UserId?.Trim() ?? string.Empty;
                if (!Identifiers.IsValid(userId))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, "userId must be 1 to 64 letters, digits, '.', '_' or '-'");
                }

                var name = string.IsNullOrWhiteSpace(request.Name) ? userId : request.Name.Trim();
                if (name.Length > InputLimits.DisplayName || name.Any(char.IsControl))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, $"name must be at most {InputLimits.DisplayName} characters without control characters");
                }

                var roles = request.Roles is { Length: > 0 } ? request.Roles.Distinct().ToArray() : [Identity.Roles.Viewer];
                if (roles.FirstOrDefault(r => !Identity.Roles.All.Contains(r)) is { } unknown)
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, $"unknown role '{unknown}'; roles are {string.Join(", ", Identity.Roles.All)}");
                }

                var region = request.Region ?? "US";
                if (!Regions.IsValid(region))
                {
                    throw new BroadcartException(ErrorCodes.ValidationFailed, $"region '{region}' is not an ISO 3166-1 alpha-2 code");
                }

                return TypedResults.Ok(new DevTokenResponse(issuer.Issue(userId, name, roles, region)));
            })
            .AllowAnonymous()
            .WithTags("Development")
            .WithSummary("Issue a development token (only when Auth:DevTokens is true)");
        return app;
    }
}

using Microsoft.Net.Http.Headers;

namespace Broadcart.Api.Admin;

/// <summary>
/// The Orleans dashboard is a page whose scripts call its own JSON endpoints without a way to add
/// an <c>Authorization</c> header, so an admin's bearer token rides in a cookie instead. The cookie
/// holds the very token the admin signed in with (not a server-side session): every API node
/// validates it the same way, nothing has to be shared between nodes, and it expires with the
/// token. It is read only under <see cref="Path"/>, where every endpoint is a read, so it can never
/// authorize a change made from another site.
/// </summary>
public static class DashboardCookie
{
    public const string Name = "broadcart_dashboard";

    public const string Path = "/admin/dashboard";

    public const string SignInPage = "/admin.html";

    public static bool Covers(HttpRequest request) => request.Path.StartsWithSegments(Path, StringComparison.Ordinal);

    /// <summary>The token to authenticate a dashboard request with, when it has no header of its own.</summary>
    public static string? TokenFor(HttpRequest request) =>
        Covers(request) && !request.Headers.ContainsKey(HeaderNames.Authorization) && request.Cookies.TryGetValue(Name, out var token) && token.Length > 0
            ? token
            : null;

    /// <summary>A browser opening the dashboard (not its scripts polling) goes to the sign-in page instead of a bare 401.</summary>
    public static bool IsPageNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && Covers(request)
        && (request.Path.Value!.TrimEnd('/').Length == Path.Length || request.Path.Value.EndsWith("/index.html", StringComparison.Ordinal))
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static void Issue(HttpResponse response, string token, DateTimeOffset expires) =>
        response.Cookies.Append(Name, token, Options(response.HttpContext.Request, expires));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, expires: null));

    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        Path = Path,
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
        Expires = expires,
        IsEssential = true,
    };
}

using Xunit;
using System.Net;
using System.Text.Json;

namespace Broadcart.Testing;

/// <summary>
/// The Orleans dashboard's JSON as its page's scripts see it: authenticated by the admin's token in
/// the dashboard cookie, not by a header.
/// </summary>
public static class DashboardProbe
{
    public const string Counters = "/admin/dashboard/DashboardCounters";

    public static HttpRequestMessage Get(string path, string? cookieToken = null, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        if (cookieToken is not null)
        {
            request.Headers.Add("Cookie", $"broadcart_dashboard={cookieToken}");
        }

        return request;
    }

    /// <summary>Signs an admin in to the dashboard on one node; the cookie's token is the admin token itself.</summary>
    public static async Task<string> OpenSessionAsync(NodeClient api)
    {
        var admin = await api.TokenAsync("dashboard-admin", "admin");
        using var session = await api.Http.SendAsync(api.Request(HttpMethod.Post, "/api/admin/dashboard/session", admin));
        Assert.Equal(HttpStatusCode.NoContent, session.StatusCode);
        return admin;
    }

    /// <summary>The dashboard grain gathers counters from every silo about once a second: waits until they show what is asked.</summary>
    public static Task<JsonElement> CountersUntilAsync(HttpClient http, string adminToken, Func<JsonElement, bool> done, string what) =>
        Eventually.Until(
            async () =>
            {
                using var response = await http.SendAsync(Get(Counters, adminToken));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            },
            done,
            what);

    public static bool HostsActivations(JsonElement stat, string grainType) =>
        stat.GetProperty("grainType").GetString()!.EndsWith(grainType, StringComparison.Ordinal) && stat.GetProperty("activationCount").GetInt32() > 0;
}

using System.Net;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Admin;

/// <summary>The Orleans dashboard on API nodes that are clients of a two-silo cluster.</summary>
[Collection(LiveClusterCollection.Name)]
public sealed class DashboardTests(LiveCluster cluster)
{
    // Cookies and redirects by hand: the test is about exactly what the server sends.
    private static HttpClient Browserless(ApiNode node) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Without_an_admin_session_the_dashboard_sends_browsers_to_sign_in_and_answers_nothing()
    {
        using var http = Browserless(cluster.NodeA);

        var page = await http.SendAsync(DashboardProbe.Get("/admin/dashboard/", accept: "text/html,application/xhtml+xml"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin.html?next=%2Fadmin%2Fdashboard%2F", page.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(DashboardProbe.Get(DashboardProbe.Counters))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(DashboardProbe.Get(DashboardProbe.Counters, cookieToken: "not-a-token"))).StatusCode);

        // A moderator can neither open a session nor use their own token as the cookie.
        var moderator = cluster.NodeA.MintToken("dash-moderator", "moderator");
        var (refused, problem) = await cluster.NodeA.SendAsync(HttpMethod.Post, "/api/admin/dashboard/session", moderator);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());
        Assert.Empty(refused.Headers.TryGetValues("Set-Cookie", out var none) ? none : []);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(DashboardProbe.Get(DashboardProbe.Counters, cookieToken: moderator))).StatusCode);
    }

    [Fact]
    public async Task An_admin_session_opens_the_dashboard_on_every_node_with_both_silos_and_the_rooms_grains()
    {
        await cluster.NodeA.LiveRoomAsync();
        var admin = cluster.NodeA.MintToken("dash-admin", "admin");
        var (opened, _) = await cluster.NodeA.SendAsync(HttpMethod.Post, "/api/admin/dashboard/session", admin);
        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"broadcart_dashboard={admin};", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/admin/dashboard", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", setCookie, StringComparison.OrdinalIgnoreCase);

        foreach (var node in new[] { cluster.NodeA, cluster.NodeB })
        {
            using var http = Browserless(node);
            var page = await http.SendAsync(DashboardProbe.Get("/admin/dashboard/", admin, "text/html"));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var counters = await DashboardProbe.CountersUntilAsync(
                http,
                admin,
                c => c.GetProperty("totalActiveHostCount").GetInt32() == 2
                    && c.GetProperty("simpleGrainStats").EnumerateArray().Any(g => DashboardProbe.HostsActivations(g, "LiveRoomGrain")),
                "both silos and the LiveRoom grain in the dashboard's counters");
            Assert.Equal(2, counters.GetProperty("hosts").EnumerateArray().Count(h => h.GetProperty("status").GetString() == "Active"));
        }
    }

    [Fact]
    public async Task The_dashboard_cookie_authorizes_nothing_outside_the_dashboard_and_signing_out_clears_it()
    {
        var admin = cluster.NodeA.MintToken("dash-admin-2", "admin");
        using var http = Browserless(cluster.NodeA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(DashboardProbe.Get("/api/admin/cluster", admin))).StatusCode);

        var (closed, _) = await cluster.NodeA.SendAsync(HttpMethod.Delete, "/api/admin/dashboard/session", token: null);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var cleared = Assert.Single(closed.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("broadcart_dashboard=;", cleared, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.Ordinal);
        Assert.Contains("path=/admin/dashboard", cleared, StringComparison.OrdinalIgnoreCase);
    }
}

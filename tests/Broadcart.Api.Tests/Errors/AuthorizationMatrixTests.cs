using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Broadcart.Api.Live;
using Broadcart.Api.Payments;
using Broadcart.Api.Tests.Creators;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace Broadcart.Api.Tests.Errors;

/// <summary>
/// Every endpoint of the running app and every hub method, called by every kind of caller. The
/// table says who may; "denied" is 401 or 403 with <c>unauthorized</c> or <c>forbidden</c> (a
/// redirect to the sign-in page for the dashboard), anything else is "let through" (a business
/// refusal such as <c>not_verified</c> or a 400 comes after authorization). An endpoint or hub
/// method missing from the table fails the test, so nothing new ships unchecked.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_endpoint_and_hub_method_allows_exactly_the_callers_its_table_row_names()
    {
        await using var node = await CreatorSetup.NodeAsync(new Dictionary<string, string?>
        {
            ["Hub:InvocationsPerSecond"] = "1000",
            ["Hub:InvocationBurst"] = "1000",
            ["Chat:MessagesPerWindow"] = "1000",
        });
        var world = await CallerWorld.CreateAsync(node);
        var endpoints = node.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Key: $"{m} {e.RoutePattern.RawText}", Endpoint: e)))
            .Where(e => !e.Key.EndsWith(" /", StringComparison.Ordinal))
            .ToList();
        var dashboard = endpoints.Where(e => e.Endpoint.RoutePattern.RawText!.StartsWith("/admin/dashboard", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dashboard);
        var missing = endpoints.Except(dashboard).Select(e => e.Key).Where(k => !EndpointCatalog.Rest.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "endpoints missing from the authorization table: " + string.Join(", ", missing));
        Assert.Empty(EndpointCatalog.Rest.Keys.Except(endpoints.Select(e => e.Key)));

        var hubMethods = typeof(LiveHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveHub)).Select(m => m.Name).ToHashSet();
        Assert.Empty(hubMethods.Except(EndpointCatalog.Hub.Keys));
        Assert.Empty(EndpointCatalog.Hub.Keys.Except(hubMethods));

        var wrong = new List<string>();
        var checkedCalls = 0;
        foreach (var (key, (allowed, body)) in EndpointCatalog.Rest)
        {
            foreach (var caller in EndpointCatalog.Everyone)
            {
                var room = await world.RoomAsync();
                var (status, code) = await CallAsync(world, room, key, body(world, room), caller);
                checkedCalls++;
                Judge(wrong, $"{key} as {caller}", allowed.Contains(caller), status, code);
            }
        }

        foreach (var (key, _) in dashboard)
        {
            foreach (var caller in EndpointCatalog.Everyone)
            {
                var path = world.Fill(key.Split(' ', 2)[1], await world.RoomAsync());
                // Headers only: some dashboard endpoints stream (the live log) and never end.
                using var response = await world.Node.Http.SendAsync(world.Node.Request(HttpMethod.Get, path, world.Token(caller)), HttpCompletionOption.ResponseHeadersRead);
                checkedCalls++;
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found;
                if (denied == (caller == Caller.Admin))
                {
                    wrong.Add($"{key} as {caller}: {(int)response.StatusCode}");
                }
            }
        }

        foreach (var (method, (allowed, args)) in EndpointCatalog.Hub)
        {
            foreach (var caller in EndpointCatalog.Everyone)
            {
                var room = await world.RoomAsync();
                var (denied, outcome) = await InvokeAsync(world, room, method, args(world, room), caller);
                checkedCalls++;
                if (denied == allowed.Contains(caller))
                {
                    wrong.Add($"hub {method} as {caller}: {(denied ? "denied" : "let through")} ({outcome}), the table says {(denied ? "allow" : "deny")}");
                }
            }
        }

        output.WriteLine($"{checkedCalls} calls checked: {EndpointCatalog.Rest.Count} endpoints, {dashboard.Count} dashboard endpoints and {EndpointCatalog.Hub.Count} hub methods, each by {EndpointCatalog.Everyone.Length} kinds of caller");
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong answers:\n" + string.Join("\n", wrong));
    }

    private static void Judge(List<string> wrong, string what, bool allowed, HttpStatusCode status, string? code)
    {
        var denied = status is HttpStatusCode.Unauthorized && code is "unauthorized" or null
            || status is HttpStatusCode.Forbidden && code is "forbidden" or null;
        if (denied == allowed)
        {
            wrong.Add($"{what}: {(int)status} {code}, the table says {(allowed ? "allow" : "deny")}");
        }
        else if ((int)status >= 500)
        {
            wrong.Add($"{what}: {(int)status} {code}");
        }
    }

    private static async Task<(HttpStatusCode Status, string? Code)> CallAsync(CallerWorld world, WorldRoom room, string key, object? body, Caller caller)
    {
        var (method, pattern) = (key.Split(' ', 2)[0], key.Split(' ', 2)[1]);
        var request = world.Node.Request(new HttpMethod(method), world.Fill(pattern, room), world.Token(caller), body);
        if (pattern == "/api/payments/webhook")
        {
            var json = JsonSerializer.Serialize(new { orderId = room.OrderId, paymentId = "pay-matrix", status = "failed" });
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(TestSecrets.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), json));
        }

        var response = await world.Node.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            code = JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        }

        return (response.StatusCode, code);
    }

    /// <summary>Connects as the caller, joins the room (but for JoinRoom itself), and calls the method.</summary>
    private static async Task<(bool Denied, string Outcome)> InvokeAsync(CallerWorld world, WorldRoom room, string method, object?[] args, Caller caller)
    {
        await using var connection = HubConnections.Create(new Uri(world.Node.BaseUrl, LiveHub.Path), world.Token(caller), messagePack: false);
        try
        {
            await connection.StartAsync();
        }
        catch (HttpRequestException refused) when (refused.StatusCode is HttpStatusCode.Unauthorized)
        {
            return (true, "connection refused: 401");
        }
        catch (System.Net.WebSockets.WebSocketException refused) when (refused.Message.Contains("'401'", StringComparison.Ordinal))
        {
            return (true, "connection refused: 401");
        }

        try
        {
            if (method != nameof(LiveHub.JoinRoom))
            {
                await connection.InvokeAsync<JsonElement>(nameof(LiveHub.JoinRoom), room.RoomId);
            }

            await connection.InvokeCoreAsync(method, typeof(JsonElement?), args);
            return (false, "ok");
        }
        catch (HubException refusal)
        {
            var denied = refusal.Message.Contains("HubException: forbidden:", StringComparison.Ordinal)
                || refusal.Message.Contains("HubException: unauthorized:", StringComparison.Ordinal);
            return (denied, refusal.Message);
        }
    }

}

using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Client;

/// <summary>
/// The .NET client reaches every REST operation the node maps, and nothing it does not: each public
/// call is made once against a recording handler, and the requests are matched to the node's own
/// route table. An endpoint added to the API and not to the client fails here, as a typo in a path does.
/// </summary>
public sealed class RestCoverageTests
{
    // Not for applications, each for its reason.
    private static readonly (string Method, string Route, string Why)[] NotInClient =
    [
        ("POST", "/api/dev/token", "development only: applications get tokens from their identity provider"),
        ("POST", "/api/payments/webhook", "the payment provider's call, signed with the webhook secret"),
        ("POST", "/api/admin/dashboard/session", "the operators' dashboard, in a browser"),
        ("DELETE", "/api/admin/dashboard/session", "the operators' dashboard, in a browser"),
        ("GET", "/api/admin/cluster", "operators' diagnostics"),
        ("GET", "/api/admin/storage", "operators' diagnostics"),
        ("GET", "/api/admin/diagnostics/memory", "operators' diagnostics"),
    ];

    [Fact]
    public async Task Every_rest_operation_is_a_typed_call_of_the_dotnet_client_and_every_call_is_an_operation()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var operations = node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Route: Normalize(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();
        Assert.Contains(("GET", "/api/rooms/{roomId}"), operations);

        var requests = await EveryCallAsync();
        var unmatched = requests.Where(r => !operations.Any(o => o.Method == r.Method && Matches(o.Route, r.Path))).ToList();
        Assert.True(unmatched.Count == 0, "the client calls what the node does not map: " + string.Join(", ", unmatched));

        var uncovered = operations
            .Where(o => !NotInClient.Any(n => n.Method == o.Method && n.Route == o.Route))
            .Where(o => !requests.Any(r => r.Method == o.Method && Matches(o.Route, r.Path)))
            .Select(o => $"{o.Method} {o.Route}")
            .ToList();
        Assert.True(uncovered.Count == 0, "no client call for: " + string.Join(", ", uncovered));

        // The exclusions stay true: each still names a mapped operation.
        Assert.All(NotInClient, n => Assert.Contains((n.Method, n.Route), operations));
    }

    [Fact]
    public async Task Calls_keep_the_base_address_path_so_an_api_behind_a_prefix_is_reached()
    {
        var recorder = new Recorder();
        var client = new BroadcartApiClient(new HttpClient(recorder), new ApiClientOptions
        {
            BaseAddress = new Uri("https://example.test/live/"),
            AccessToken = () => Task.FromResult<string?>("t"),
        });
        await client.GetRoomAsync("r 1");
        Assert.Equal("https://example.test/live/api/rooms/r%201", Assert.Single(recorder.Uris).AbsoluteUri);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "not_found")]
    [InlineData(HttpStatusCode.TooManyRequests, "rate_limited")]
    [InlineData(HttpStatusCode.BadGateway, "")]
    public async Task A_refusal_without_problem_details_gets_the_code_its_status_means(HttpStatusCode status, string code)
    {
        var proxy = new Recorder { Answer = () => new HttpResponseMessage(status) { Content = new StringContent("<html>proxy</html>") } };
        var client = new BroadcartApiClient(new HttpClient(proxy), new ApiClientOptions { BaseAddress = new Uri("https://example.test/"), AccessToken = () => Task.FromResult<string?>(null) });
        var refused = await Assert.ThrowsAsync<BroadcartApiException>(() => client.GetOrderAsync("o1"));
        Assert.Equal((code, status, "<html>proxy</html>"), (refused.Code, refused.Status, refused.Message));
    }

    [Fact]
    public async Task The_frameworks_own_validation_problem_reads_as_its_field_sentences()
    {
        var problem = new Recorder
        {
            Answer = () => new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"title":"One or more validation errors occurred.","status":400,"errors":{"quantity":["The quantity is not a number."]}}""", Encoding.UTF8, "application/problem+json"),
            },
        };
        var client = new BroadcartApiClient(new HttpClient(problem), new ApiClientOptions { BaseAddress = new Uri("https://example.test/"), AccessToken = () => Task.FromResult<string?>(null) });
        var refused = await Assert.ThrowsAsync<BroadcartApiException>(() => client.GetOrderAsync("o1"));
        Assert.Equal(("", "The quantity is not a number."), (refused.Code, refused.Message));
    }

    // Every public call once, with placeholder arguments; the answers are empty, so most calls fail after their request: only the request matters.
    private static async Task<List<(string Method, string Path)>> EveryCallAsync()
    {
        var recorder = new Recorder();
        var client = new BroadcartApiClient(new HttpClient(recorder), new ApiClientOptions
        {
            BaseAddress = new Uri("https://example.test/"),
            AccessToken = () => Task.FromResult<string?>("t"),
        });
        foreach (var method in typeof(BroadcartApiClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var arguments = method.GetParameters().Select(Placeholder).ToArray();
            try
            {
                switch (method.Invoke(client, arguments))
                {
                    case Task task:
                        await task;
                        break;
                    case IAsyncEnumerable<Broadcart.Client.Wire.ReplayEvent> events:
                        await foreach (var _ in events)
                        {
                        }

                        break;
                    default:
                        Assert.Fail($"{method.Name} is neither a task nor a stream");
                        break;
                }
            }
            catch (Exception)
            {
                // An empty answer does not deserialise into most results.
            }
        }

        return [.. recorder.Uris.Select((u, i) => (recorder.Methods[i], Uri.UnescapeDataString(u.AbsolutePath)))];
    }

    private static object? Placeholder(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => "x1",
        var t when t == typeof(CancellationToken) => CancellationToken.None,
        var t when t == typeof(ReadOnlyMemory<byte>) => new ReadOnlyMemory<byte>([1]),
        var t when t == typeof(int) || t == typeof(int?) => 1,
        _ => null,
    };

    private static string Normalize(string route) => route.Length > 1 ? route.TrimEnd('/') : route;

    private static bool Matches(string route, string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(route), @"\\\{[^}]+}", "[^/]+") + "$");

    private sealed class Recorder : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = [];

        public List<string> Methods { get; } = [];

        public Func<HttpResponseMessage> Answer { get; init; } = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            Methods.Add(request.Method.Method);
            return Task.FromResult(Answer());
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json;

namespace Broadcart.Testing;

/// <summary>An API node seen from outside: HTTP calls and SignalR viewers against its base URL.</summary>
public class NodeClient(Uri baseUrl) : IDisposable
{
    public Uri BaseUrl { get; } = baseUrl;

    public HttpClient Http { get; } = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits until the node answers <c>/health/ready</c>: its silo or its cluster is reachable.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) =>
        Eventually.Until(ReadyAsync, ready => ready, $"{BaseUrl} ready", timeout);

    private async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await Http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<string> TokenAsync(string userId, string role = "viewer", string region = "US", string? name = null)
    {
        var response = await Http.PostAsJsonAsync("/api/dev/token", new { userId, name = name ?? userId, roles = new[] { role }, region });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetString()!;
    }

    public async Task<Viewer> ConnectAsync(string token, bool messagePack = false)
    {
        var viewer = new Viewer(new Uri(BaseUrl, "/hubs/live"), token, messagePack);
        await viewer.StartAsync();
        return viewer;
    }

    /// <summary>The REST API as <paramref name="token"/>'s holder sees it, through the .NET client SDK.</summary>
    public Broadcart.Client.BroadcartApiClient Api(string token) =>
        new(Http, new Broadcart.Client.ApiClientOptions { BaseAddress = BaseUrl, AccessToken = () => Task.FromResult<string?>(token) });

    public HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var response = await Http.SendAsync(Request(method, path, token, body));
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, json);
    }

    public virtual void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}

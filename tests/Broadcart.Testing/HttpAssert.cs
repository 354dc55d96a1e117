using System.Text.Json;
using Xunit;

namespace Broadcart.Testing;

public static class HttpAssert
{
    /// <summary>Asserts that a call succeeded and returns its body; the failure message carries the status and the problem.</summary>
    public static async Task<JsonElement> Ok(Task<(HttpResponseMessage Response, JsonElement Body)> call)
    {
        var (response, body) = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Asserts a refusal: the status, problem details, and its <c>code</c>.</summary>
    public static async Task<JsonElement> Problem(Task<(HttpResponseMessage Response, JsonElement Body)> call, int status, string code)
    {
        var (response, body) = await call;
        Assert.True((int)response.StatusCode == status, $"expected {status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
        return body;
    }
}

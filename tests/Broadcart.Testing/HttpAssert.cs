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
}

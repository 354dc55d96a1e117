using Xunit;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Testing;

public static class HubAssert
{
    private const string Marker = "HubException: ";

    /// <summary>
    /// Asserts a coded refusal. SignalR prefixes a HubException's message on the wire with
    /// "An unexpected error occurred invoking 'X' on the server. HubException: ", so the code is
    /// what follows that marker (docs/protocol.md says so to client authors).
    /// </summary>
    public static async Task<string> Refused(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        var at = error.Message.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"not a coded refusal: {error.Message}");
        var coded = error.Message[(at + Marker.Length)..];
        Assert.StartsWith(code + ": ", coded);
        return coded;
    }
}

using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Tests.Infrastructure;

public static class HubAssert
{
    /// <summary>Asserts a coded refusal: a HubException whose message starts with "code: ".</summary>
    public static async Task<string> Refused(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        Assert.StartsWith(code + ": ", error.Message);
        return error.Message;
    }
}

using Broadcart.Api.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Live;

/// <summary>Every refusal and outage reaches the client as a HubException "code: sentence", the code and sentence HTTP gives.</summary>
public sealed class HubErrorFilter(ILogger<HubErrorFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }

        // An unexpected failure is left to SignalR, whose error names no internals (the consoles read it as internal_error).
        catch (Exception e) when (ErrorClassifier.Classify(e) is { IsUnexpected: false } error)
        {
            if (error.Status >= 500)
            {
                log.LogWarning(e, "Hub method {Method} failed with {Code}", context.HubMethodName, error.Code);
            }

            throw new HubException($"{error.Code}: {error.Message}");
        }
    }
}

using Broadcart.Api.Errors;
using Broadcart.Grains.Common;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Live;

/// <summary>Every refusal reaches the client as a HubException "code: sentence".</summary>
public sealed class HubErrorFilter(ILogger<HubErrorFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (BroadcartException e)
        {
            throw new HubException($"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (Unavailability.IsUnavailable(e))
        {
            log.LogWarning(e, "Hub method {Method} could not reach the cluster", context.HubMethodName);
            throw new HubException($"{ErrorCodes.Unavailable}: the service is temporarily unavailable; try again shortly");
        }
    }
}

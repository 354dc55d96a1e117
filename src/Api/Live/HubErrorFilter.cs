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
        catch (Exception e) when (Refusals.Find(e) is { } refusal)
        {
            throw new HubException($"{refusal.Code}: {refusal.Message}");
        }
        catch (Exception e) when (Unavailability.IsUnavailable(e))
        {
            log.LogWarning(e, "Hub method {Method} could not reach the cluster", context.HubMethodName);
            throw new HubException($"{ErrorCodes.Unavailable}: the service is temporarily unavailable; try again shortly");
        }
        catch (Exception e) when (StorageFailureFilter.IsOutage(e))
        {
            throw new HubException($"{ErrorCodes.StorageUnavailable}: storage is unavailable right now; try again shortly");
        }
    }
}

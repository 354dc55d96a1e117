namespace Broadcart.Api.Errors;

/// <summary>Failures that mean "the cluster cannot serve this now", not "this request is wrong".</summary>
public static class Unavailability
{
    public static bool IsUnavailable(Exception ex) => ex is TimeoutException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException
        or GatewayTooBusyException;
}

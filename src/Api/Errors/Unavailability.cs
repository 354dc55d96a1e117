namespace Broadcart.Api.Errors;

/// <summary>Failures that mean "the cluster cannot serve this now", not "this request is wrong".</summary>
public static class Unavailability
{
    /// <remarks>
    /// A storage conflict (<see cref="Orleans.Storage.InconsistentStateException"/>) is the cluster healing after a
    /// failure: the grain re-reads its state, and the same request succeeds when sent again.
    /// </remarks>
    public static bool IsUnavailable(Exception ex) => ex is TimeoutException
        or Orleans.Storage.InconsistentStateException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException
        or GatewayTooBusyException;
}

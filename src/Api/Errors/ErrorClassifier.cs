using Broadcart.Grains.Common;

namespace Broadcart.Api.Errors;

/// <summary>
/// The one place an exception becomes a protocol code and sentence, so that the same failure reads
/// the same over HTTP (<see cref="BroadcartExceptionHandler"/>) and the hub (<c>HubErrorFilter</c>).
/// </summary>
public static class ErrorClassifier
{
    public static ClassifiedError Classify(Exception exception) => (Refusal(exception) ?? exception) switch
    {
        BroadcartException e => Coded(e.Code, e.Message),
        BadHttpRequestException e => Coded(ErrorCodes.ValidationFailed, Readable(e)),
        _ when IsUnavailable(exception) => Coded(ErrorCodes.Unavailable, "the service is temporarily unavailable; try again shortly"),
        _ when StorageFailureFilter.IsOutage(exception) => Coded(StorageFailureFilter.OutageRefusal()),
        _ => Coded(ErrorCodes.Internal, "an unexpected error occurred"),
    };

    private static ClassifiedError Coded(BroadcartException refusal) => Coded(refusal.Code, refusal.Message);

    private static ClassifiedError Coded(string code, string message) => new(ErrorStatus.ForCode(code), code, message);

    /// <summary>A refusal may arrive wrapped (Orleans wraps errors raised while activating a grain).</summary>
    private static BroadcartException? Refusal(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BroadcartException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>Failures that mean "the cluster cannot serve this now", not "this request is wrong".</summary>
    /// <remarks>
    /// A storage conflict (<see cref="Orleans.Storage.InconsistentStateException"/>) is the cluster healing after a
    /// failure: the grain re-reads its state, and the same request succeeds when sent again.
    /// </remarks>
    private static bool IsUnavailable(Exception ex) => ex is TimeoutException
        or Orleans.Storage.InconsistentStateException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException
        or GatewayTooBusyException;

    private static string Readable(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json ? $"the request body is not valid JSON: {json.Message}" : e.Message;
}

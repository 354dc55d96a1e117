namespace Broadcart.Api.Errors;

/// <summary>
/// What a client is told about a failure, whichever surface it used: HTTP sends it as problem
/// details (<c>status</c>, <c>code</c>, <c>detail</c>), the hub as a HubException "code: message".
/// </summary>
public sealed record ClassifiedError(int Status, string Code, string Message)
{
    /// <summary>Nothing the protocol names: a fault of ours rather than a refusal or an outage.</summary>
    public bool IsUnexpected => Status == StatusCodes.Status500InternalServerError;
}

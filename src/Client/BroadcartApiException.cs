using System.Net;

namespace Broadcart.Client;

/// <summary>
/// A refusal from the REST API: the problem details' <c>code</c> (<c>sold_out</c>,
/// <c>validation_failed</c>, ...), the HTTP status and the sentence the server wrote.
/// </summary>
public sealed class BroadcartApiException(string code, HttpStatusCode status, string message) : Exception(message)
{
    public string Code { get; } = code;

    public HttpStatusCode Status { get; } = status;

    /// <summary>503 <c>service_unavailable</c> or <c>storage_unavailable</c>: the same request may succeed shortly.</summary>
    public bool IsTransient => Status == HttpStatusCode.ServiceUnavailable;
}

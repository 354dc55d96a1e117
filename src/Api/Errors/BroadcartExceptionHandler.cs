using Broadcart.Grains.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Broadcart.Api.Errors;

/// <summary>Turns refusals and unreadable requests into problem details with a protocol <c>code</c>.</summary>
public sealed class BroadcartExceptionHandler(IProblemDetailsService problems, ILogger<BroadcartExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = (Refusals.Find(exception) ?? exception) switch
        {
            BroadcartException e => (ErrorStatus.ForCode(e.Code), e.Code, e.Message),
            BadHttpRequestException e => (StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, Readable(e)),
            _ when Unavailability.IsUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable, "the service is temporarily unavailable; try again shortly"),
            _ when Grains.Common.StorageFailureFilter.IsOutage(exception) =>
                (StatusCodes.Status503ServiceUnavailable, ErrorCodes.StorageUnavailable, "storage is unavailable right now; try again shortly"),
            _ => (StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "an unexpected error occurred"),
        };

        if (status >= 500)
        {
            log.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    private static string Readable(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json ? $"the request body is not valid JSON: {json.Message}" : e.Message;
}

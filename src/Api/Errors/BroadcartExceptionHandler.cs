using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Broadcart.Api.Errors;

/// <summary>Turns refusals and unreadable requests into problem details with a protocol <c>code</c>.</summary>
public sealed class BroadcartExceptionHandler(IProblemDetailsService problems, ILogger<BroadcartExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = ErrorClassifier.Classify(exception);
        if (error.Status >= 500)
        {
            log.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = error.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = error.Status,
                Detail = error.Message,
                Extensions = { ["code"] = error.Code },
            },
        });
    }
}

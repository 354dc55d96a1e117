
namespace Broadcart.Api.Errors;

public static class ProblemSetup
{
    public static IServiceCollection AddBroadcartProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ErrorStatus.CodeFor(status));
        });
        services.AddExceptionHandler<BroadcartExceptionHandler>();

        // Unreadable bodies throw, so that the handler above answers them like every other refusal.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}

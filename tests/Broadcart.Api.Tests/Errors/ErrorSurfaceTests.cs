using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using Broadcart.Api.Errors;
using Broadcart.Api.Live;
using Broadcart.Grains.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadcart.Api.Tests.Errors;

/// <summary>
/// The two error surfaces side by side: each failure below must give HTTP's problem details and the
/// hub's HubException the same code and sentence. Outages are hard to provoke through a live node,
/// so the handler and the filter are driven directly.
/// </summary>
public sealed class ErrorSurfaceTests
{
    public static TheoryData<string, int, string, string> Failures => new()
    {
        { "refusal", 409, CommerceErrors.SoldOut, "only 0 left" },
        { "wrapped refusal", 403, ErrorCodes.Forbidden, "only the streamer may do this" },
        { "silo unavailable", 503, ErrorCodes.Unavailable, "the service is temporarily unavailable; try again shortly" },
        { "storage outage", 503, ErrorCodes.StorageUnavailable, "storage is unavailable right now; try again shortly" },
    };

    private static Exception Failure(string name) => name switch
    {
        "refusal" => new BroadcartException(CommerceErrors.SoldOut, "only 0 left"),
        "wrapped refusal" => new OrleansException("activation failed", new BroadcartException(ErrorCodes.Forbidden, "only the streamer may do this")),
        "silo unavailable" => new SiloUnavailableException(),
        "storage outage" => new SocketException((int)SocketError.ConnectionRefused),
        "unexpected" => new InvalidOperationException("a bug"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Over_HTTP_a_failure_is_problem_details_with_its_code_and_sentence(string failure, int status, string code, string sentence)
    {
        var problem = await HttpProblemAsync(Failure(failure));
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(sentence, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Over_the_hub_a_failure_is_a_HubException_with_the_same_code_and_sentence(string failure, int status, string code, string sentence)
    {
        _ = status;
        var error = await Assert.ThrowsAsync<HubException>(() => HubInvokeAsync(Failure(failure)));
        Assert.Equal($"{code}: {sentence}", error.Message);
    }

    [Fact]
    public async Task An_unexpected_failure_is_internal_error_over_HTTP_and_SignalR_own_opaque_error_over_the_hub()
    {
        var problem = await HttpProblemAsync(Failure("unexpected"));
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal(ErrorCodes.Internal, problem.GetProperty("code").GetString());
        Assert.DoesNotContain("a bug", problem.GetRawText());

        // Left as it is, SignalR tells the client only that the invocation failed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => HubInvokeAsync(Failure("unexpected")));
    }

    private static async Task<JsonElement> HttpProblemAsync(Exception failure)
    {
        await using var services = new ServiceCollection().AddLogging().AddBroadcartProblems().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new BroadcartExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<BroadcartExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(http, failure, CancellationToken.None));
        Assert.Equal("application/problem+json", http.Response.ContentType);
        http.Response.Body.Position = 0;
        return (await JsonDocument.ParseAsync(http.Response.Body)).RootElement.Clone();
    }

    private static async Task HubInvokeAsync(Exception failure)
    {
        var filter = new HubErrorFilter(NullLogger<HubErrorFilter>.Instance);
        using var hub = new NoHub();
        var context = new HubInvocationContext(new CallerContext(), new ServiceCollection().BuildServiceProvider(), hub,
            typeof(NoHub).GetMethod(nameof(NoHub.Fail))!, []);
        await filter.InvokeMethodAsync(context, _ => ValueTask.FromException<object?>(failure));
    }

    private sealed class NoHub : Hub
    {
        public void Fail()
        {
        }
    }

    private sealed class CallerContext : HubCallerContext
    {
        public override string ConnectionId => "test-connection";

        public override string? UserIdentifier => "test-user";

        public override ClaimsPrincipal? User => new();

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}

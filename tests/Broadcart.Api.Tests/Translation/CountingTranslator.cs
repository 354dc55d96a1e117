using System.Collections.Concurrent;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Broadcart.Api.Tests.Translation;

/// <summary>
/// A real HTTP hop in front of the real APY server that counts every call by (text, language
/// pair) and can be switched to fail: hang until released, or answer 503, as an outage does.
/// </summary>
public sealed class CountingTranslator : IAsyncDisposable
{
    private readonly HttpClient _apy = new() { BaseAddress = TestEnvironment.Apertium };
    private readonly ConcurrentQueue<(string Text, string Pair)> _calls = new();
    private StubServer _server = null!;
    private volatile TaskCompletionSource? _hang;
    private int _hanging;

    public Uri Url => _server.BaseUrl;

    /// <summary>Calls that are held open right now by <see cref="Hang"/>.</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    public bool Unavailable { get; set; }

    public static async Task<CountingTranslator> StartAsync()
    {
        var proxy = new CountingTranslator();
        proxy._server = await StubServer.StartAsync(app => app.MapGet("/translate", proxy.ForwardAsync));
        return proxy;
    }

    /// <summary>The calls for one text, by language pair (APY's <c>eng|spa</c>).</summary>
    public IReadOnlyList<string> PairsFor(string text) => [.. _calls.Where(c => c.Text == text).Select(c => c.Pair).Order(StringComparer.Ordinal)];

    /// <summary>Holds every call open until <see cref="Release"/>.</summary>
    public void Hang() => _hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held calls go on: to APY, or to a 503 when <see cref="Unavailable"/>.</summary>
    public void Release() => Interlocked.Exchange(ref _hang, null)?.TrySetResult();

    private async Task ForwardAsync(HttpContext context)
    {
        var text = context.Request.Query["q"].ToString();
        _calls.Enqueue((text, context.Request.Query["langpair"].ToString()));
        if (_hang is { } hang)
        {
            Interlocked.Increment(ref _hanging);
            try
            {
                await hang.Task.WaitAsync(context.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref _hanging);
            }
        }

        if (Unavailable)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var answer = await _apy.GetAsync("translate" + context.Request.QueryString, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _server.DisposeAsync();
        _apy.Dispose();
    }
}

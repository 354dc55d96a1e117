using Broadcart.Api.Relay;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Live;

/// <summary>
/// Closes connections whose socket has stopped taking what is sent to them: a write waiting longer
/// than <see cref="RelayOptions.SlowViewerTimeout"/> means the client stopped reading (or its
/// network did). Its queued writes are dropped with it; when it rejoins, it fills its gap by <c>seq</c>.
/// </summary>
public sealed class SlowViewerWatch(LiveConnections connections, IOptions<RelayOptions> options, ILogger<SlowViewerWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = (long)options.Value.SlowViewerTimeout.TotalMilliseconds;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Clamp(timeout / 4, 100, 1000)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = Environment.TickCount64;
                foreach (var viewer in connections.All)
                {
                    if (viewer.BehindSince is var since and > 0 && now - since >= timeout)
                    {
                        log.LogInformation("Closing connection {ConnectionId} of {UserId}: its socket took nothing for {Seconds:0.0} s",
                            viewer.ConnectionId, viewer.Actor.UserId, (now - since) / 1000.0);
                        // SignalR's abort waits for the pending write, which waits for the socket:
                        // close the HTTP connection under it so that both end now.
                        viewer.Connection.Abort();
                        viewer.Connection.GetHttpContext()?.Abort();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

using System.Collections.Concurrent;
using Broadcart.Grains.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Live;

/// <summary>
/// Once a second, for each room someone on this node watches, reads the room's metrics once and
/// pushes them to the watchers if they changed: one grain call per watched room per node per
/// second, however many watch.
/// </summary>
public sealed class MetricsPump(MetricsWatchers watchers, IGrainFactory grains, IHubContext<LiveHub> hub, ILogger<MetricsPump> log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Task.WhenAll(watchers.Rooms.Select(roomId => PushAsync(roomId, stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PushAsync(string roomId, CancellationToken cancellationToken)
    {
        try
        {
            var report = await grains.GetGrain<IRoomMetricsGrain>(roomId).Get();
            if (_sent.TryGetValue(roomId, out var version) && version == report.Version)
            {
                return;
            }

            _sent[roomId] = report.Version;
            await hub.Clients.Group(MetricsWatchers.Group(roomId)).SendAsync(EventNames.Metrics, report, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not push metrics of room {RoomId}", roomId);
        }
    }
}

using Microsoft.Extensions.Options;

namespace Broadcart.Api.Relay;

/// <summary>
/// Reports viewer counts, likes, joins and clicks a few times a second and heartbeats every room
/// with local viewers: one grain call per room per tick at most, however many viewers joined or liked.
/// </summary>
public sealed class NodeReporter(NodeRooms rooms, IOptions<RelayOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReportInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Task.WhenAll(rooms.All.Select(rooms.ReportAsync));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await rooms.UnsubscribeAllAsync();
    }
}

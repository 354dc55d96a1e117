using System.Security.Claims;
using Broadcart.Api.Rooms;
using Broadcart.Grains.Attribution;
using Broadcart.Grains.Fx;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Reports;

/// <summary>
/// Where a room's report comes from: a live (or scheduled) room's is computed from its metrics now;
/// an ended room's is read from Blob Storage, where the room stored it when it ended (stored now if
/// that was lost). Without Blob Storage the metrics grain's state is the stored report.
/// </summary>
public sealed class RoomReports(IGrainFactory grains, IReportStore store, IExchangeRates rates, IOptions<AttributionOptions> attribution)
{
    public async Task<CampaignReport> GetAsync(string roomId, ClaimsPrincipal user, string? currency, CancellationToken cancellationToken)
    {
        var room = await RoomEarningsAccess.EnsureMaySeeAsync(grains, roomId, user);
        var wanted = string.IsNullOrWhiteSpace(currency) ? null : currency.Trim();
        if (wanted is not null)
        {
            // Before anything is read: an unknown currency is refused whatever the room holds.
            await CampaignReports.EnsureSupportedAsync(wanted, rates, cancellationToken);
        }

        var metrics = grains.GetGrain<IRoomMetricsGrain>(roomId);
        var (data, source) = room.Status != RoomStatus.Ended
            ? (await metrics.GetReportData(), CampaignReports.Computed)
            : await EndedAsync(metrics, room, cancellationToken);
        var windows = new AttributionWindows((long)attribution.Value.ClickWindow.TotalSeconds, (long)attribution.Value.ViewWindow.TotalSeconds);
        return await CampaignReports.BuildAsync(data, wanted ?? CampaignReports.NativeCurrency(data), rates, windows, source, cancellationToken);
    }

    private async Task<(ReportData Data, string Source)> EndedAsync(IRoomMetricsGrain metrics, RoomSnapshot room, CancellationToken cancellationToken)
    {
        if (!store.IsConfigured)
        {
            return (await metrics.ArchiveReport(room.EndedAt ?? DateTimeOffset.UnixEpoch), CampaignReports.Archive);
        }

        if (await store.ReadAsync(room.RoomId, cancellationToken) is { } stored)
        {
            return (stored.Raw, CampaignReports.Archive);
        }

        // The room's one-way news of its end was lost, or is still on its way: store it now.
        await metrics.ArchiveReport(room.EndedAt ?? DateTimeOffset.UnixEpoch);
        return await store.ReadAsync(room.RoomId, cancellationToken) is { } now
            ? (now.Raw, CampaignReports.Archive)
            : throw new InvalidOperationException($"the report of room {room.RoomId} was stored but cannot be read back");
    }
}

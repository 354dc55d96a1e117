using Broadcart.Grains.Archive;
using Microsoft.Extensions.Logging;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The room's event archive: chat and commerce events collected as they happen and appended in
/// one batch per maintenance tick (and on deactivation), for moderation exports and reports.
/// </summary>
public sealed partial class LiveRoomGrain
{
    private const int MaxArchiveBacklog = 50_000;
    private readonly List<ArchivedEvent> _archiveBacklog = [];

    private void Archive(ArchivedEvent e)
    {
        // A long storage outage must not eat the silo's memory: beyond the backlog, events are dropped and counted.
        if (_archiveBacklog.Count < MaxArchiveBacklog)
        {
            _archiveBacklog.Add(e);
        }
        else
        {
            _archiveDropped++;
        }
    }

    private long _archiveDropped;

    private async Task FlushArchiveAsync()
    {
        if (_archiveBacklog.Count == 0 || !_archive.IsConfigured)
        {
            _archiveBacklog.Clear();
            return;
        }

        var batch = _archiveBacklog.ToList();
        try
        {
            await _archive.AppendAsync(RoomId, batch);
            _archiveBacklog.RemoveRange(0, batch.Count);
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Could not archive {Count} events of room {RoomId} ({Dropped} dropped so far); next tick retries",
                batch.Count, RoomId, _archiveDropped);
        }
    }
}

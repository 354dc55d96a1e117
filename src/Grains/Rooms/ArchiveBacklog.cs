using Broadcart.Grains.Archive;
using Microsoft.Extensions.Logging;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// Chat and commerce events collected as they happen and appended to the archive in one batch
/// per maintenance tick (and on deactivation), for moderation exports and reports.
/// </summary>
internal sealed class ArchiveBacklog(IEventArchive archive, string roomId, ILogger log, int max = ArchiveBacklog.DefaultMax)
{
    public const int DefaultMax = 50_000;
    private readonly List<ArchivedEvent> _events = [];

    public int Count => _events.Count;

    public long Dropped { get; private set; }

    public void Add(ArchivedEvent e)
    {
        // A long storage outage must not eat the silo's memory: beyond the backlog, events are dropped and counted.
        if (_events.Count < max)
        {
            _events.Add(e);
        }
        else
        {
            Dropped++;
        }
    }

    /// <summary>Appends what is waiting; on failure it stays for the next try.</summary>
    public async Task FlushAsync()
    {
        if (_events.Count == 0 || !archive.IsConfigured)
        {
            _events.Clear();
            return;
        }

        var batch = _events.ToList();
        try
        {
            await archive.AppendAsync(roomId, batch);
            _events.RemoveRange(0, batch.Count);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not archive {Count} events of room {RoomId} ({Dropped} dropped so far); next tick retries",
                batch.Count, roomId, Dropped);
        }
    }
}

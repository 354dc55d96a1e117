using Azure.Storage.Blobs;
using Broadcart.Grains.Archive;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadcart.Grains.Tests.Rooms;

/// <summary>The room's archive backlog against the real Blob archive on Azurite.</summary>
public sealed class ArchiveBacklogTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);

    private static BlobContainerClient Container(string connectionString) =>
        BlobClients.Container(new BlobStorageOptions { ConnectionString = connectionString }, "archive-" + Guid.NewGuid().ToString("N")[..12]);

    private static ArchivedEvent Chat(long seq) => new(ArchivedEvent.Chat, At, seq, $"m{seq}", "u1", "Viewer", $"hello {seq}");

    [Fact]
    public async Task A_flush_appends_the_waiting_events_in_order_and_empties_the_backlog()
    {
        var archive = new BlobEventArchive(Container(TestEnvironment.BlobConnectionString));
        var backlog = new ArchiveBacklog(archive, "r1", NullLogger.Instance);
        backlog.Add(Chat(1));
        backlog.Add(Chat(2));

        await backlog.FlushAsync();
        backlog.Add(Chat(3));
        await backlog.FlushAsync();

        Assert.Equal(0, backlog.Count);
        Assert.Equal([1L, 2, 3], await archive.ReadAsync("r1").Select(e => e.Seq ?? 0).ToListAsync());
    }

    [Fact]
    public async Task Events_a_failed_append_could_not_store_wait_for_the_next_flush()
    {
        // Azurite refuses a wrong account key at once: the archive is there but will not take the write.
        var refusing = TestEnvironment.BlobConnectionString.Replace("AccountKey=", "AccountKey=AAAA", StringComparison.Ordinal);
        var backlog = new ArchiveBacklog(new BlobEventArchive(Container(refusing)), "r1", NullLogger.Instance);
        backlog.Add(Chat(1));
        backlog.Add(Chat(2));

        await backlog.FlushAsync();

        Assert.Equal(2, backlog.Count);
        Assert.Equal(0, backlog.Dropped);
    }

    [Fact]
    public void Beyond_its_limit_the_backlog_drops_and_counts_instead_of_growing()
    {
        var backlog = new ArchiveBacklog(new BlobEventArchive(Container(TestEnvironment.BlobConnectionString)), "r1", NullLogger.Instance, max: 2);
        for (var seq = 1; seq <= 5; seq++)
        {
            backlog.Add(Chat(seq));
        }

        Assert.Equal(2, backlog.Count);
        Assert.Equal(3, backlog.Dropped);
    }
}

using Broadcart.Grains.Common;

namespace Broadcart.Grains.Archive;

/// <summary>Without Blob Storage there is no archive: appends are dropped, reads are refused clearly.</summary>
public sealed class NoEventArchive : IEventArchive
{
    public bool IsConfigured => false;

    public Task AppendAsync(string roomId, IReadOnlyList<ArchivedEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public IAsyncEnumerable<ArchivedEvent> ReadAsync(string roomId, CancellationToken cancellationToken = default) =>
        throw new BroadcartException(ErrorCodes.BlobNotConfigured,
            "the event archive needs Blob Storage: set Blob:ConnectionString (see docs/deploy.md)");
}

namespace Broadcart.Grains.Archive;

/// <summary>Where rooms append their events, in order, and where exports read them back.</summary>
public interface IEventArchive
{
    bool IsConfigured { get; }

    Task AppendAsync(string roomId, IReadOnlyList<ArchivedEvent> events, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ArchivedEvent> ReadAsync(string roomId, CancellationToken cancellationToken = default);
}

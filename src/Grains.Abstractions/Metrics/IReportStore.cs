namespace Broadcart.Grains.Metrics;

/// <summary>Where an ended room's report is kept and served from: Blob Storage, or nowhere (then the room's metrics grain state holds it).</summary>
public interface IReportStore
{
    bool IsConfigured { get; }

    Task SaveAsync(string roomId, StoredReport report, CancellationToken cancellationToken = default);

    /// <summary>Null when no report was stored for the room.</summary>
    Task<StoredReport?> ReadAsync(string roomId, CancellationToken cancellationToken = default);
}

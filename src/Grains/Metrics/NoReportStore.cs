namespace Broadcart.Grains.Metrics;

/// <summary>Without Blob Storage an ended room's report stays in its metrics grain's state and is served from there.</summary>
public sealed class NoReportStore : IReportStore
{
    public bool IsConfigured => false;

    public Task SaveAsync(string roomId, StoredReport report, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<StoredReport?> ReadAsync(string roomId, CancellationToken cancellationToken = default) => Task.FromResult<StoredReport?>(null);
}

using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Broadcart.Grains.Metrics;
using Broadcart.Grains.Storage;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// One block blob per ended room (<c>{roomId}/report.json</c> in <c>Blob:ReportContainer</c>),
/// overwritten when orders attributed later change it.
/// </summary>
public sealed class BlobReportStore(BlobContainerClient container) : IReportStore
{
    private Task? _containerReady;

    public bool IsConfigured => true;

    public static string BlobName(string roomId) => $"{roomId}/report.json";

    public async Task SaveAsync(string roomId, StoredReport report, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(report, StateJson.Options);
        await container.GetBlobClient(BlobName(roomId)).UploadAsync(new BinaryData(json), overwrite: true, cancellationToken);
    }

    public async Task<StoredReport?> ReadAsync(string roomId, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName(roomId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<StoredReport>(StateJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        var ready = _containerReady ??= container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await ready;
        }
        catch
        {
            _ = Interlocked.CompareExchange(ref _containerReady, null, ready);
            throw;
        }
    }
}

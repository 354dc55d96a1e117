using Orleans.Configuration;

namespace Broadcart.Grains.Storage;

/// <summary>
/// Ordinary grain state in Blob Storage through the official Orleans provider
/// (Microsoft.Orleans.Persistence.AzureStorage): ETag concurrency, a conflict is
/// <c>InconsistentStateException</c>. Its client is ours, so requests keep the
/// <c>Blob:NetworkTimeout</c> and <c>Blob:MaxRetries</c> bounds and pass the request counter.
/// </summary>
public static class BlobStateStore
{
    public static void Configure(AzureBlobStorageOptions options, BlobStorageOptions blob)
    {
        options.BlobServiceClient = BlobClients.Service(blob);
        options.ContainerName = blob.StateContainer;

        // A cleared state is gone, not an empty record: the next first write must find no blob.
        options.DeleteStateOnClear = true;
    }
}

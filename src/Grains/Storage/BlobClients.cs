using Azure.Storage.Blobs;

namespace Broadcart.Grains.Storage;

public static class BlobClients
{
    public static BlobContainerClient Container(BlobStorageOptions options, string containerName) =>
        Service(options).GetBlobContainerClient(containerName);

    public static BlobServiceClient Service(BlobStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Blob:ConnectionString is not set; blob storage cannot be used.");
        }

        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.AddPolicy(new StorageRequestCounter(), Azure.Core.HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(options.ConnectionString, clientOptions);
    }
}

using Azure.Storage.Blobs;

namespace Broadcart.Grains.Storage;

public static class BlobClients
{
    public static BlobContainerClient Container(BlobStorageOptions options, string containerName)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Blob:ConnectionString is not set; blob storage cannot be used.");
        }

        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        return new BlobServiceClient(options.ConnectionString, clientOptions).GetBlobContainerClient(containerName);
    }
}

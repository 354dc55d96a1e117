using Azure.Storage.Blobs;

namespace Broadcart.Grains.Creators;

/// <summary>The private container's documents, named <c>{creatorId}/{mediaId}</c> as the API uploads them.</summary>
public sealed class BlobVerificationDocuments(BlobContainerClient container) : IVerificationDocuments
{
    public async Task DeleteAsync(string creatorId, string mediaId) =>
        await container.GetBlobClient($"{creatorId}/{mediaId}").DeleteIfExistsAsync();
}

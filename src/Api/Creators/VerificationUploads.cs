using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Broadcart.Api.Media;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Creators;

/// <summary>
/// Identity documents, in a private container: uploaded through write-only SAS links, read only
/// by admins through read links that live minutes, never through a public URL. A document is named
/// <c>{creatorId}/{mediaId}</c>, so a media id names an upload of its creator only.
/// </summary>
public sealed class VerificationUploads(IServiceProvider services, IOptions<VerificationOptions> options, TimeProvider time)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public static readonly TimeSpan UploadWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ReadWindow = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["application/pdf"] = "pdf",
    };

    private readonly ContainerOnce _container = new(PublicAccessType.None);

    private BlobContainerClient Container => (services.GetService<BlobServiceClient>()
            ?? throw new BroadcartException(ErrorCodes.BlobNotConfigured, "verification documents need Blob Storage: set Blob:ConnectionString (see docs/deploy.md)"))
        .GetBlobContainerClient(options.Value.Container);

    public async Task<MediaUploadResponse> CreateUploadAsync(string creatorId, MediaUploadRequest request)
    {
        if (request.ContentType is null || !Extensions.TryGetValue(request.ContentType, out var extension))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"contentType must be one of {string.Join(", ", Extensions.Keys)}");
        }

        if (request.Length is not (> 0 and <= MaxBytes))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"length must be between 1 byte and {MaxBytes} bytes (10 MB)");
        }

        var container = Container;
        await _container.EnsureAsync(container);

        var mediaId = $"{Guid.NewGuid():N}.{extension}";
        var blob = container.GetBlobClient($"{creatorId}/{mediaId}");
        var expiresAt = time.GetUtcNow() + UploadWindow;
        var sas = new BlobSasBuilder(BlobSasPermissions.Create | BlobSasPermissions.Write, expiresAt)
        {
            BlobContainerName = container.Name,
            BlobName = blob.Name,
            Resource = "b",
            ContentType = request.ContentType,
        };
        return new MediaUploadResponse(
            blob.GenerateSasUri(sas).ToString(),
            Url: null,
            expiresAt,
            MaxBytes,
            new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = request.ContentType },
            mediaId);
    }

    /// <summary>The upload exists, is the creator's own, and is a document within the limits.</summary>
    public async Task VerifyAsync(string creatorId, string? mediaId, string field)
    {
        if (mediaId is null || mediaId.Length > 64 || mediaId.Contains('/') || mediaId.Contains(".."))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"{field} must name one of your verification uploads");
        }

        try
        {
            var properties = (await Container.GetBlobClient($"{creatorId}/{mediaId}").GetPropertiesAsync()).Value;
            if (properties.ContentLength is 0 or > MaxBytes || !Extensions.ContainsKey(properties.ContentType ?? string.Empty))
            {
                throw new BroadcartException(ErrorCodes.ValidationFailed, $"{field}: the upload must be a JPEG, PNG or PDF of at most 10 MB");
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"{field}: nothing has been uploaded as {mediaId}");
        }
    }

    /// <summary>A read link for an admin's review, valid for <see cref="ReadWindow"/>.</summary>
    public string ReadLink(string creatorId, string mediaId)
    {
        var blob = Container.GetBlobClient($"{creatorId}/{mediaId}");
        return blob.GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, time.GetUtcNow() + ReadWindow)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
        }).ToString();
    }
}

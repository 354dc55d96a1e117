using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Broadcart.Grains.Common;
using Broadcart.Grains.Storage;

namespace Broadcart.Api.Media;

/// <summary>
/// Images the consoles upload straight to Blob Storage with a short-lived, write-only SAS URL,
/// so that no image passes through an API node. Only image types, at most 5 MB; a URL is
/// accepted on a product or room only once the blob exists with a valid type and size.
/// </summary>
public sealed class MediaStore(IServiceProvider services, IConfiguration configuration, TimeProvider time)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public static readonly TimeSpan UploadWindow = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["image/webp"] = "webp",
        ["image/gif"] = "gif",
    };

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "productImage", "roomCover" };

    private readonly ContainerOnce _container = new(PublicAccessType.Blob);

    private BlobContainerClient Container => (services.GetService<BlobServiceClient>()
            ?? throw new BroadcartException(ErrorCodes.BlobNotConfigured, "media uploads need Blob Storage: set Blob:ConnectionString (see docs/deploy.md)"))
        .GetBlobContainerClient(configuration["Blob:MediaContainer"] ?? "media");

    public async Task<MediaUploadResponse> CreateUploadAsync(string userId, MediaUploadRequest request)
    {
        if (request.What is null || !Kinds.Contains(request.What))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "kind must be 'productImage', 'roomCover' or 'verification'");
        }

        if (request.ContentType is null || !Extensions.TryGetValue(request.ContentType, out var extension))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"contentType must be one of {string.Join(", ", Extensions.Keys)}");
        }

        if (request.Length is not (> 0 and <= MaxBytes))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"length must be between 1 byte and {MaxBytes} bytes (5 MB)");
        }

        var container = Container;
        await _container.EnsureAsync(container);

        var blob = container.GetBlobClient($"{request.What}/{userId}/{Guid.NewGuid():N}.{extension}");
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
            blob.Uri.ToString(),
            expiresAt,
            MaxBytes,
            new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = request.ContentType });
    }

    /// <summary>
    /// A URL in our media container must name an uploaded image within the limits; other http(s)
    /// URLs (a merchant's own CDN) are taken as they are.
    /// </summary>
    public async Task VerifyAsync(string? url, string field)
    {
        if (url is null || services.GetService<BlobServiceClient>() is null || !url.StartsWith(Container.Uri.ToString() + "/", StringComparison.Ordinal))
        {
            return;
        }

        var name = url[(Container.Uri.ToString().Length + 1)..];
        try
        {
            var properties = (await Container.GetBlobClient(name).GetPropertiesAsync()).Value;
            if (properties.ContentLength > MaxBytes || !Extensions.ContainsKey(properties.ContentType ?? string.Empty))
            {
                throw new BroadcartException(ErrorCodes.ValidationFailed, $"{field}: the uploaded file must be an image of at most 5 MB");
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"{field}: nothing has been uploaded to that URL");
        }
    }
}

using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Broadcart.Api.Media;

/// <summary>
/// Browsers upload product images, room covers and identity documents straight to Blob Storage
/// through SAS links, which is a cross-origin PUT: the storage account must allow the consoles'
/// origins. With <c>Blob:CorsOrigins</c> set (comma-separated, or <c>*</c>), each API node makes
/// sure the account's CORS rules allow them at start-up; without it the account is left as its
/// operator configured it.
/// </summary>
public sealed class BlobCors(IServiceProvider services, IConfiguration configuration, ILogger<BlobCors> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var origins = configuration["Blob:CorsOrigins"];
        if (string.IsNullOrWhiteSpace(origins) || services.GetService<BlobServiceClient>() is not { } blobs)
        {
            return;
        }

        try
        {
            var properties = (await blobs.GetPropertiesAsync(cancellationToken)).Value;
            var rule = new BlobCorsRule
            {
                AllowedOrigins = string.Join(',', origins.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                AllowedMethods = "PUT,GET,HEAD",
                AllowedHeaders = "content-type,x-ms-blob-type,x-ms-version,x-ms-client-request-id",
                ExposedHeaders = "etag,x-ms-request-id",
                MaxAgeInSeconds = 3600,
            };
            if (properties.Cors.Any(r => r.AllowedOrigins == rule.AllowedOrigins && r.AllowedMethods == rule.AllowedMethods && r.AllowedHeaders == rule.AllowedHeaders))
            {
                return;
            }

            properties.Cors = [.. properties.Cors.Where(r => r.AllowedOrigins != rule.AllowedOrigins), rule];
            await blobs.SetPropertiesAsync(properties, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Uploads from browsers fail until the account allows the origin; everything else works.
            logger.LogWarning(e, "Could not set the storage account's CORS rules for {Origins}", origins);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Broadcart.Api.Media;

/// <summary>
/// Creates a container the first time an upload needs it, once for all concurrent callers; a
/// failed creation is forgotten, so the next upload tries again.
/// </summary>
public sealed class ContainerOnce(PublicAccessType access)
{
    private Task? _ready;

    public async Task EnsureAsync(BlobContainerClient container)
    {
        var ready = _ready ??= container.CreateIfNotExistsAsync(access);
        try
        {
            await ready;
        }
        catch
        {
            _ = Interlocked.CompareExchange(ref _ready, null, ready);
            throw;
        }
    }
}

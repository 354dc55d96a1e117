using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Broadcart.Grains.Common;
using Broadcart.Grains.Storage;

namespace Broadcart.Grains.Archive;

/// <summary>
/// One append blob per room (<c>{roomId}.ndjson</c>): each batch is one block of JSON lines, so a
/// batch is written whole or not at all and lines never interleave.
/// </summary>
public sealed class BlobEventArchive(BlobContainerClient container) : IEventArchive
{
    private Task? _containerReady;

    public bool IsConfigured => true;

    public async Task AppendAsync(string roomId, IReadOnlyList<ArchivedEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetAppendBlobClient($"{roomId}.ndjson");
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var lines = new StringBuilder();
        foreach (var e in events)
        {
            lines.Append(JsonSerializer.Serialize(e, StateJson.Options)).Append('\n');
        }

        using var block = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
        await blob.AppendBlockAsync(block, cancellationToken: cancellationToken);
    }

    public async IAsyncEnumerable<ArchivedEvent> ReadAsync(string roomId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Stream stream;
        try
        {
            stream = await container.GetBlobClient($"{roomId}.ndjson").OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            yield break;
        }

        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<ArchivedEvent>(line, StateJson.Options) is { } e)
            {
                yield return e;
            }
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

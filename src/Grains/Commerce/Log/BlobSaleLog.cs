using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Broadcart.Grains.Common;
using Orleans.Storage;

namespace Broadcart.Grains.Commerce.Log;

/// <summary>
/// The sale log in Blob Storage: <c>sales/{key}/snapshot.json</c> (a block blob, ETag-conditioned)
/// and <c>sales/{key}/log-{generation}.ndjson</c> (an append blob, one line per block, each append
/// conditioned on the append position). The official Orleans provider stores whole states only,
/// which is why this one is written by hand.
/// </summary>
public sealed class BlobSaleLog(BlobContainerClient container) : ISaleLog
{
    private Task? _containerReady;

    public Task<SaleLogContents> OpenAsync(string saleKey) => Guard(async () =>
    {
        await EnsureContainerAsync();
        var cursor = new SaleLogCursor(saleKey);
        string? snapshot = null;
        try
        {
            var response = await Snapshot(saleKey).DownloadContentAsync();
            snapshot = response.Value.Content.ToString();
            cursor.ETag = response.Value.Details.ETag.ToString();
            cursor.Generation = SaleLogCodec.GenerationOf(snapshot);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        var blocks = new List<string>();
        try
        {
            var log = await Log(saleKey, cursor.Generation).DownloadContentAsync();
            var bytes = log.Value.Content.ToMemory();
            cursor.Position = bytes.Length;
            cursor.BytesSinceSnapshot = bytes.Length;
            foreach (var line in Encoding.UTF8.GetString(bytes.Span).Split('\n'))
            {
                if (line.Length > 0)
                {
                    blocks.Add(line);
                }
            }

            cursor.AppendsSinceSnapshot = blocks.Count;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        return new SaleLogContents(snapshot, blocks, cursor);
    });

    public Task AppendAsync(SaleLogCursor cursor, string block) => Guard(async () =>
    {
        var log = Log(cursor.SaleKey, cursor.Generation);
        if (cursor.Position == 0)
        {
            // Two activations may both create it; the append position below decides which one writes.
            await log.CreateIfNotExistsAsync();
        }

        var bytes = Encoding.UTF8.GetBytes(block + "\n");
        try
        {
            using var content = new MemoryStream(bytes);
            await log.AppendBlockAsync(content, new AppendBlobAppendBlockOptions
            {
                Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = cursor.Position },
            });
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new InconsistentStateException(
                $"the log of sale {cursor.SaleKey} moved past position {cursor.Position} ({e.ErrorCode}): another activation wrote, or an earlier append landed unanswered",
                "unknown", cursor.Position.ToString(), e);
        }

        cursor.Position += bytes.Length;
        cursor.AppendsSinceSnapshot++;
        cursor.BytesSinceSnapshot += bytes.Length;
    });

    public async Task CompactAsync(SaleLogCursor cursor, string fence, string snapshot)
    {
        await AppendAsync(cursor, fence);
        await Guard(async () =>
        {
            var conditions = cursor.ETag is null
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = new ETag(cursor.ETag) };
            try
            {
                var response = await Snapshot(cursor.SaleKey).UploadAsync(BinaryData.FromString(snapshot), new BlobUploadOptions
                {
                    Conditions = conditions,
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                });
                cursor.ETag = response.Value.ETag.ToString();
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                throw new InconsistentStateException($"the snapshot of sale {cursor.SaleKey} was replaced by another activation ({e.ErrorCode})", "unknown", cursor.ETag ?? "none", e);
            }

            cursor.Generation = SaleLogCodec.GenerationOf(snapshot);
            cursor.Position = 0;
            cursor.AppendsSinceSnapshot = 0;
            cursor.BytesSinceSnapshot = 0;
        });
    }

    private BlobClient Snapshot(string saleKey) => container.GetBlobClient($"sales/{saleKey}/snapshot.json");

    private AppendBlobClient Log(string saleKey, int generation) => container.GetAppendBlobClient($"sales/{saleKey}/log-{generation:D6}.ndjson");

    /// <summary>The same mapping as grain storage: an unreachable store is a coded refusal.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (StorageFailureFilter.IsOutage(e))
        {
            throw StorageFailureFilter.OutageRefusal();
        }
    }

    private static Task Guard(Func<Task> operation) => Guard(async () =>
    {
        await operation();
        return true;
    });

    private async Task EnsureContainerAsync()
    {
        var ready = _containerReady ??= container.CreateIfNotExistsAsync();
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

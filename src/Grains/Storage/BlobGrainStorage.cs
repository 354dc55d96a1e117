using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Broadcart.Grains.Common;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Broadcart.Grains.Storage;

/// <summary>
/// Grain state as one JSON blob per grain and state name, with ETag optimistic concurrency:
/// the first write must find no blob (<c>If-None-Match: *</c>), later writes and clears must
/// find the version they read (<c>If-Match</c>). Losing either race raises Orleans'
/// <see cref="InconsistentStateException"/>, which deactivates the stale activation.
/// </summary>
public sealed class BlobGrainStorage(BlobContainerClient container, ILogger<BlobGrainStorage> log) : IGrainStorage
{
    private Task? _containerReady;
    private long _writes;

    /// <summary>Successful writes since start: lets tests and benchmarks count storage round trips.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => ReadStateCoreAsync(stateName, grainId, grainState));

    private async Task ReadStateCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await EnsureContainerAsync();
        try
        {
            var response = await Blob(stateName, grainId).DownloadContentAsync();
            grainState.State = response.Value.Content.ToObjectFromJson<T>(StateJson.Options) ?? Activator.CreateInstance<T>();
            grainState.ETag = response.Value.Details.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => WriteStateCoreAsync(stateName, grainId, grainState));

    private async Task WriteStateCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await EnsureContainerAsync();
        var conditions = grainState.ETag is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(grainState.ETag) };
        try
        {
            var response = await Blob(stateName, grainId).UploadAsync(
                BinaryData.FromObjectAsJson(grainState.State, StateJson.Options),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } });
            grainState.ETag = response.Value.ETag.ToString();
            grainState.RecordExists = true;
            Interlocked.Increment(ref _writes);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw Conflict(stateName, grainId, grainState.ETag, e);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => ClearStateCoreAsync(stateName, grainId, grainState));

    private async Task ClearStateCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await EnsureContainerAsync();
        if (grainState.ETag is not null)
        {
            try
            {
                await Blob(stateName, grainId).DeleteAsync(conditions: new BlobRequestConditions { IfMatch = new ETag(grainState.ETag) });
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                throw Conflict(stateName, grainId, grainState.ETag, e);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                log.LogDebug("State {State} of {Grain} was already gone when cleared", stateName, grainId);
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// An unreachable store becomes a coded refusal here, at the source: Orleans wraps provider
    /// errors raised while activating a grain, and only a known exception type survives the trip.
    /// </summary>
    private static async Task Guard(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception e) when (StorageFailureFilter.IsOutage(e))
        {
            throw new BroadcartException(ErrorCodes.StorageUnavailable, "storage is unavailable right now; try again shortly");
        }
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag, RequestFailedException e) =>
        new($"State {stateName} of {grainId} was changed by someone else ({e.ErrorCode})", "unknown", etag ?? "none", e);

    private BlobClient Blob(string stateName, GrainId grainId) =>
        container.GetBlobClient($"{grainId.Type}/{grainId.Key}/{stateName}.json");

    private async Task EnsureContainerAsync()
    {
        var ready = _containerReady ??= container.CreateIfNotExistsAsync();
        try
        {
            await ready;
        }
        catch
        {
            // Not remembered as failed: the next call tries again once storage is back.
            _ = Interlocked.CompareExchange(ref _containerReady, null, ready);
            throw;
        }
    }
}

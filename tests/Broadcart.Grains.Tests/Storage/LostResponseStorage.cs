using System.Collections.Concurrent;
using Orleans.Storage;

namespace Broadcart.Grains.Tests.Storage;

/// <summary>
/// The real blob storage, with one failure storage really has and a test cannot time: a write that
/// lands while its answer is lost (a network timeout, a silo that dies before the response). Armed
/// per state name, for the next write of that state anywhere in the test cluster.
/// </summary>
internal sealed class LostResponseStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The provider initialises itself (its container) in the silo's lifecycle, found under the name this wrapper took over.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static readonly ConcurrentDictionary<string, bool> Armed = new(StringComparer.Ordinal);

    public static void LoseNextAnswer(string stateName) => Armed[stateName] = true;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (Armed.TryRemove(stateName, out _))
        {
            // The caller never learns the new ETag, exactly as when the response does not arrive.
            grainState.ETag = etag;
            throw new TimeoutException($"the answer to a write of {stateName} of {grainId} was lost (the write landed)");
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}

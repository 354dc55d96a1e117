using System.Collections.Immutable;

namespace Broadcart.Grains.Feeds;

/// <summary>
/// A per-silo cache of one region's feed (a stateless worker keyed by region): serves the hot
/// read, counts the impressions it serves and charges them in batches.
/// </summary>
[Alias("Broadcart.IFeedCacheGrain")]
public interface IFeedCacheGrain : IGrainWithStringKey
{
    /// <summary>The top <paramref name="limit"/> rooms; each listed room counts one impression.</summary>
    [Alias("Get")]
    Task<ImmutableArray<FeedEntry>> Get(int limit);
}

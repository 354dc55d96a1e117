using System.Collections.Immutable;

namespace Broadcart.Grains.Feeds;

/// <summary>The live rooms visible in one region (key: region code), kept by the rooms themselves.</summary>
[Alias("Broadcart.IRegionFeedGrain")]
public interface IRegionFeedGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(FeedEntry entry);

    [Alias("Remove")]
    Task Remove(string roomId);

    [Alias("List")]
    Task<ImmutableArray<FeedEntry>> List();
}

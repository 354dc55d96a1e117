namespace Broadcart.Grains.Feeds;

/// <summary>The <c>Feeds</c> configuration section.</summary>
public sealed class FeedOptions
{
    /// <summary>How long a silo's cache serves a region's ranked list before asking the region again.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a cache charges the impressions it served.</summary>
    public TimeSpan ChargeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a live room renews its feed entries (viewer counts for ranking).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An entry not renewed for this long is dropped: its room is gone.</summary>
    public TimeSpan EntryTtl { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxLimit { get; set; } = 50;

    /// <summary>
    /// How long a cache's impression lease holds the budget it set aside. A cache settles every
    /// <see cref="ChargeInterval"/>; a lease older than this (its silo died, or cannot reach the
    /// room) goes back to the budget.
    /// </summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The smallest lease a cache asks for, so a quiet room still settles rarely.</summary>
    public long MinLease { get; set; } = 20;

    /// <summary>The largest lease a cache asks for: the most one cache can ever serve past a lost lease.</summary>
    public long MaxLease { get; set; } = 5_000;

    /// <summary>How often an auto-paced reach reads its measured return from the room's metrics (at most; only while leasing).</summary>
    public TimeSpan MeasureInterval { get; set; } = TimeSpan.FromSeconds(10);
}

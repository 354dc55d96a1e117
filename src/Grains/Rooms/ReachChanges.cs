using System.Collections.Immutable;
using Broadcart.Grains.Reach;

namespace Broadcart.Grains.Rooms;

/// <summary>Which regions a change of reach concerns: their viewers are told the room's new geo.</summary>
internal static class ReachChanges
{
    public static ImmutableArray<string> Regions(string homeRegion, ReachView? before, ReachView? after)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal) { homeRegion };
        foreach (var reach in new[] { before, after })
        {
            candidates.UnionWith(reach?.Regions ?? []);
            candidates.UnionWith(reach?.ExcludedRegions ?? []);
        }

        return
        [
            .. candidates
                .Where(r => RegionReach.For(homeRegion, before, r) != RegionReach.For(homeRegion, after, r))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The regions whose feeds list the room: its home and its reach, less what reach hides.</summary>
    public static HashSet<string> Visible(string homeRegion, ReachView? reach)
    {
        var regions = new HashSet<string>(reach?.Regions ?? [], StringComparer.Ordinal) { homeRegion };
        regions.RemoveWhere(r => !RegionReach.For(homeRegion, reach, r).Visible);
        return regions;
    }
}

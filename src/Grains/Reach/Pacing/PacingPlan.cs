using System.Collections.Immutable;

namespace Broadcart.Grains.Reach.Pacing;

/// <summary>
/// What may be spent by now (<see cref="AllowedMicros"/>, never more than the budget) and, for
/// each chosen region, its share and the most its spend plus what it holds leased may reach.
/// </summary>
public sealed record PacingPlan(long AllowedMicros, ImmutableArray<RegionPlan> Regions)
{
    public RegionPlan? For(string region) => Regions.FirstOrDefault(r => r.Region == region);
}

/// <param name="Roi">Measured revenue over measured spend; null until the region has spent.</param>
/// <param name="Explored">Measured spend has reached the exploration minimum: its return now steers its share.</param>
public sealed record RegionPlan(string Region, double Share, double? Roi, bool Explored, long CapMicros);

namespace Broadcart.Grains.Reach;

/// <summary>An auto-paced reach's share for one chosen region, and its measured return (null until it has spent).</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RegionAllocation")]
public sealed record RegionAllocation(
    [property: Id(0)] string Region,
    [property: Id(1)] double Share,
    [property: Id(2)] double? Roi);

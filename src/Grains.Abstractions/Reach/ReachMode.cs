namespace Broadcart.Grains.Reach;

/// <summary>Manual: leases are granted while the budget lasts. Auto: paced over the planned minutes and shared by measured return (docs/feeds.md).</summary>
[GenerateSerializer, Alias("Broadcart.ReachMode")]
public enum ReachMode
{
    Manual = 0,
    Auto = 1,
}

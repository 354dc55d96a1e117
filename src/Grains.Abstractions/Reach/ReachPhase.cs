namespace Broadcart.Grains.Reach;

[GenerateSerializer, Alias("Broadcart.ReachPhase")]
public enum ReachPhase
{
    Active = 0,
    Exhausted = 1,
    Paused = 2,
}

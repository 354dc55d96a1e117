namespace Broadcart.Testing;

/// <summary>Where a shop's product stands in its room: not shown, in the showcase, or in the showcase and pinned.</summary>
public enum ProductPlacement
{
    None,
    Showcase,
    Pinned,
}

namespace Broadcart.Grains.Creators;

/// <summary>A creator as anyone may see them.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.CreatorProfile")]
public sealed record CreatorProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Region,
    [property: Id(3)] long Followers,
    [property: Id(4)] VerificationStatus Verification,
    [property: Id(5)] string? PayoutCurrency);

namespace Broadcart.Grains.Creators;

/// <summary>What a creator submits to be verified; the media ids name private uploads of theirs.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.VerificationSubmission")]
public sealed record VerificationSubmission(
    [property: Id(0)] string LegalName,
    [property: Id(1)] string Country,
    [property: Id(2)] string DocumentMediaId,
    [property: Id(3)] string SelfieMediaId);

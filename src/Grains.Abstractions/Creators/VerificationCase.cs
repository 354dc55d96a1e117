namespace Broadcart.Grains.Creators;

/// <summary>
/// One submission and, once decided, its decision: who decided, when and why. Kept after the
/// decision as the audit entry; the documents themselves are deleted after the retention period.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.VerificationCase")]
public sealed record VerificationCase(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] string CreatorName,
    [property: Id(2)] VerificationSubmission Submission,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] VerificationStatus Status,
    [property: Id(5)] string? DecidedBy = null,
    [property: Id(6)] DateTimeOffset? DecidedAt = null,
    [property: Id(7)] string? Reason = null,
    [property: Id(8)] bool DocumentsDeleted = false);

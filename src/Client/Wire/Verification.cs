namespace Broadcart.Client.Wire;

/// <summary>A submitted identity document, with a short-lived read link for the admins (none once deleted after the decision).</summary>
public sealed record VerificationDocument(string Kind, string MediaId, string? ReadUrl, DateTimeOffset? ReadUrlExpiresAt);

/// <summary>A creator's verification case as the admins' queue shows it; <see cref="Status"/> is <c>pending</c>, <c>verified</c> or <c>rejected</c>.</summary>
public sealed record VerificationCase(
    string CreatorId, string Name, string LegalName, string Country, DateTimeOffset SubmittedAt, string Status, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? Reason, IReadOnlyList<VerificationDocument> Documents);

public sealed record VerificationQueue(string Status, IReadOnlyList<VerificationCase> Verifications);

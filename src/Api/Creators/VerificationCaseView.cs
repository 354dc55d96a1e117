using Broadcart.Grains.Creators;

namespace Broadcart.Api.Creators;

/// <summary>A document of a case with its short-lived read link (none once the document is deleted).</summary>
public sealed record VerificationDocumentView(string Kind, string MediaId, string? ReadUrl, DateTimeOffset? ReadUrlExpiresAt);

/// <summary>A case as the admins' review queue and audit show it.</summary>
public sealed record VerificationCaseView(
    string CreatorId,
    string Name,
    string LegalName,
    string Country,
    DateTimeOffset SubmittedAt,
    VerificationStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason,
    IReadOnlyList<VerificationDocumentView> Documents)
{
    public static VerificationCaseView From(VerificationCase c, VerificationUploads uploads, DateTimeOffset now)
    {
        VerificationDocumentView Document(string kind, string mediaId) => c.DocumentsDeleted
            ? new(kind, mediaId, null, null)
            : new(kind, mediaId, uploads.ReadLink(c.CreatorId, mediaId), now + VerificationUploads.ReadWindow);
        return new(c.CreatorId, c.CreatorName, c.Submission.LegalName, c.Submission.Country, c.SubmittedAt, c.Status, c.DecidedBy, c.DecidedAt, c.Reason,
            [Document("document", c.Submission.DocumentMediaId), Document("selfie", c.Submission.SelfieMediaId)]);
    }
}

public sealed record VerificationQueueView(VerificationStatus Status, IReadOnlyList<VerificationCaseView> Verifications);

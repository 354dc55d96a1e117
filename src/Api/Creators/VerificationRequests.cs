namespace Broadcart.Api.Creators;

public sealed record VerificationRequest(string? LegalName, string? Country, string? DocumentMediaId, string? SelfieMediaId);

public sealed record VerificationDecisionRequest(string? Decision, string? Reason);

public sealed record VerificationAccepted(string Status);

using Broadcart.Grains.Common;

namespace Broadcart.Grains.Creators;

internal static class VerificationRules
{
    public const int MaxLegalName = InputLimits.LegalName;
    public const int MaxReason = InputLimits.Reason;

    public static void Validate(VerificationSubmission submission)
    {
        var name = submission.LegalName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxLegalName || name.Any(char.IsControl))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"legalName must be 1 to {MaxLegalName} characters without control characters");
        }

        if (!Regions.IsValid(submission.Country))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"country '{submission.Country}' is not an ISO 3166-1 alpha-2 code");
        }

        if (submission.DocumentMediaId == submission.SelfieMediaId)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "documentMediaId and selfieMediaId must be two different uploads");
        }
    }

    /// <summary>A rejection says why (the creator is told); an approval may.</summary>
    public static string? Reason(string? reason, bool approve)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return approve ? null : throw new BroadcartException(ErrorCodes.ValidationFailed, "a rejection needs a reason the creator can act on");
        }

        if (text.Length > MaxReason || text.Any(char.IsControl))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"reason must be at most {MaxReason} characters without control characters");
        }

        return text;
    }
}

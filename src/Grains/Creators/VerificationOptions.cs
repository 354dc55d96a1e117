namespace Broadcart.Grains.Creators;

/// <summary>The <c>Verification</c> configuration section.</summary>
public sealed class VerificationOptions
{
    /// <summary>How long identity documents are kept after the decision on them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The private blob container the documents are uploaded to (never publicly readable).</summary>
    public string Container { get; set; } = "verification";
}

namespace Broadcart.Grains.Creators;

/// <summary>Where a creator's identity verification stands (the wire says it in lower case).</summary>
public enum VerificationStatus
{
    None,
    Pending,
    Verified,
    Rejected,
}

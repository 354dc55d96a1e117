using System.Collections.Immutable;

namespace Broadcart.Grains.Creators;

/// <summary>
/// The admins' review queue and the audit of every decision (one grain, key <see cref="Key"/>);
/// it also deletes decided cases' documents once the retention period has passed.
/// </summary>
[Alias("Broadcart.IVerificationQueueGrain")]
public interface IVerificationQueueGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>A case was submitted or decided (creator grains call this after their own write).</summary>
    [Alias("Record")]
    Task Record(VerificationCase verificationCase);

    /// <summary>Cases in that status, oldest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<VerificationCase>> List(VerificationStatus status);
}

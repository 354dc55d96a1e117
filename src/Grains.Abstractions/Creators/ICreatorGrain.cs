namespace Broadcart.Grains.Creators;

/// <summary>A creator (a user with the streamer role), keyed by user id: profile and followers.</summary>
[Alias("Broadcart.ICreatorGrain")]
public interface ICreatorGrain : IGrainWithStringKey
{
    /// <summary>Records the creator's name and region as their token says (on each room they create).</summary>
    [Alias("Register")]
    Task<CreatorProfile> Register(string name, string region);

    /// <summary>The profile; <c>not_found</c> for a user who never acted as a creator.</summary>
    [Alias("Get")]
    Task<CreatorProfile> Get();

    /// <summary>Idempotent: a follower counts once however often they follow.</summary>
    [Alias("Follow")]
    Task<CreatorProfile> Follow(string followerId);

    [Alias("Unfollow")]
    Task<CreatorProfile> Unfollow(string followerId);

    /// <summary>Shows the currency of the creator's payout method on the profile (the payouts grain holds the method).</summary>
    [Alias("SetPayoutCurrency")]
    Task<CreatorProfile> SetPayoutCurrency(string currency);

    /// <summary>Submits (or, while pending, replaces) identity documents: the status becomes pending.</summary>
    [Alias("SubmitVerification")]
    Task<CreatorProfile> SubmitVerification(VerificationSubmission submission);

    /// <summary>An admin's decision on a pending case; the same decision again changes nothing.</summary>
    [Alias("DecideVerification")]
    Task<CreatorProfile> DecideVerification(Broadcart.Grains.Common.Actor admin, bool approve, string? reason);
}

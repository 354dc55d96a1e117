using Broadcart.Grains.Common;

namespace Broadcart.Grains.Creators;

/// <summary>
/// One grain per creator holds the set of their followers: follows of one creator are serialised
/// by the grain, so concurrent follows count exactly once each. Every change writes the whole set;
/// docs/architecture.md says what changes past a million followers.
/// </summary>
public sealed class CreatorGrain(
    [PersistentState("creator", StorageNames.Default)] IPersistentState<CreatorState> state,
    TimeProvider time) : Grain, ICreatorGrain
{
    private CreatorState Creator => state.State;
    private string CreatorId => this.GetPrimaryKeyString();

    public async Task<CreatorProfile> Register(string name, string region)
    {
        if (!Creator.Exists || Creator.Name != name || Creator.Region != region)
        {
            Creator.Exists = true;
            Creator.Name = name;
            Creator.Region = region;
            await state.WriteStateAsync();
        }

        return Profile();
    }

    public Task<CreatorProfile> Get()
    {
        EnsureExists();
        return Task.FromResult(Profile());
    }

    public async Task<CreatorProfile> Follow(string followerId)
    {
        EnsureExists();
        if (followerId == CreatorId)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "a creator cannot follow themselves");
        }

        if (Creator.Followers.Add(followerId))
        {
            await state.WriteOrUndoAsync(() => Creator.Followers.Remove(followerId));
        }

        return Profile();
    }

    public async Task<CreatorProfile> Unfollow(string followerId)
    {
        EnsureExists();
        if (Creator.Followers.Remove(followerId))
        {
            await state.WriteOrUndoAsync(() => Creator.Followers.Add(followerId));
        }

        return Profile();
    }

    public async Task<CreatorProfile> SetPayoutCurrency(string currency)
    {
        EnsureExists();
        if (Creator.PayoutCurrency != currency)
        {
            var before = Creator.PayoutCurrency;
            Creator.PayoutCurrency = currency;
            await state.WriteOrUndoAsync(() => Creator.PayoutCurrency = before);
        }

        return Profile();
    }

    public async Task<CreatorProfile> SubmitVerification(VerificationSubmission submission)
    {
        EnsureExists();
        VerificationRules.Validate(submission);
        if (Creator.Verification == VerificationStatus.Verified)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "this creator is already verified");
        }

        var before = (Creator.Verification, Creator.Case);
        Creator.Case = new VerificationCase(CreatorId, Creator.Name, submission, time.GetUtcNow(), VerificationStatus.Pending);
        Creator.Verification = VerificationStatus.Pending;
        await state.WriteOrUndoAsync(() => (Creator.Verification, Creator.Case) = before);
        await Queue.Record(Creator.Case);
        return Profile();
    }

    public async Task<CreatorProfile> DecideVerification(Actor admin, bool approve, string? reason)
    {
        EnsureExists();
        if (!admin.IsAdmin)
        {
            throw new BroadcartException(ErrorCodes.Forbidden, "only an admin may decide a verification");
        }

        var decided = approve ? VerificationStatus.Verified : VerificationStatus.Rejected;
        reason = VerificationRules.Reason(reason, approve);
        if (Creator.Case is not { } pending || (pending.Status != VerificationStatus.Pending && pending.Status != decided))
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"creator {CreatorId} has no verification waiting for a decision");
        }

        if (pending.Status == VerificationStatus.Pending)
        {
            var before = (Creator.Verification, Creator.Case);
            Creator.Case = pending with { Status = decided, DecidedBy = admin.UserId, DecidedAt = time.GetUtcNow(), Reason = reason };
            Creator.Verification = decided;
            await state.WriteOrUndoAsync(() => (Creator.Verification, Creator.Case) = before);
        }

        // Again on a repeated decision: the queue may have missed the first one.
        await Queue.Record(Creator.Case);
        return Profile();
    }

    private IVerificationQueueGrain Queue => GrainFactory.GetGrain<IVerificationQueueGrain>(IVerificationQueueGrain.Key);

    private void EnsureExists()
    {
        if (!Creator.Exists)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"creator {CreatorId} does not exist");
        }
    }

    private CreatorProfile Profile() =>
        new(CreatorId, Creator.Name, Creator.Region, Creator.Followers.Count, Creator.Verification, Creator.PayoutCurrency);
}

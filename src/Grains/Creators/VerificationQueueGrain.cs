using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Creators;

/// <summary>
/// The review queue and the decisions' audit. Documents of a decided case are deleted once the
/// retention has passed: a timer set for the next one due while the grain is active, and a
/// reminder (Orleans' are at least a minute apart) that brings the grain back after a restart.
/// One grain suffices for a review desk's volume; the audit grows by one entry per decision.
/// </summary>
public sealed class VerificationQueueGrain(
    [PersistentState("verifications", StorageNames.Default)] IPersistentState<VerificationQueueState> state,
    IOptions<VerificationOptions> options,
    TimeProvider time,
    IServiceProvider services,
    ILogger<VerificationQueueGrain> log) : Grain, IVerificationQueueGrain, IRemindable
{
    private const string RetentionReminder = "retention";
    private static readonly TimeSpan LongestTimer = TimeSpan.FromHours(1);

    private IGrainTimer? _sweep;

    private VerificationQueueState Queue => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ArmSweepAsync();

    public async Task Record(VerificationCase verificationCase)
    {
        if (verificationCase.Status == VerificationStatus.Pending)
        {
            Queue.Pending[verificationCase.CreatorId] = verificationCase;
        }
        else
        {
            if (Queue.Decided.Any(c => c.CreatorId == verificationCase.CreatorId && c.SubmittedAt == verificationCase.SubmittedAt))
            {
                return;
            }

            Queue.Pending.Remove(verificationCase.CreatorId);
            Queue.Decided.Add(verificationCase);
        }

        await state.WriteStateAsync();
        await ArmSweepAsync();
    }

    public Task<ImmutableArray<VerificationCase>> List(VerificationStatus status) => Task.FromResult(status == VerificationStatus.Pending
        ? Queue.Pending.Values.OrderBy(c => c.SubmittedAt).ToImmutableArray()
        : Queue.Decided.Where(c => c.Status == status).ToImmutableArray());

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();

    private async Task SweepAsync()
    {
        var now = time.GetUtcNow();
        var documents = services.GetService(typeof(IVerificationDocuments)) as IVerificationDocuments;
        var changed = false;
        for (var i = 0; i < Queue.Decided.Count; i++)
        {
            var decided = Queue.Decided[i];
            if (decided.DocumentsDeleted || DueAt(decided) > now)
            {
                continue;
            }

            try
            {
                if (documents is not null)
                {
                    await documents.DeleteAsync(decided.CreatorId, decided.Submission.DocumentMediaId);
                    await documents.DeleteAsync(decided.CreatorId, decided.Submission.SelfieMediaId);
                }

                Queue.Decided[i] = decided with { DocumentsDeleted = true };
                changed = true;
            }
            catch (Exception e)
            {
                // The next sweep tries again: nothing is marked deleted that was not.
                log.LogWarning(e, "Could not delete the verification documents of {CreatorId}", decided.CreatorId);
                break;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        await ArmSweepAsync();
    }

    private async Task ArmSweepAsync()
    {
        var next = Queue.Decided.Where(c => !c.DocumentsDeleted).Select(DueAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        _sweep?.Dispose();
        _sweep = null;
        if (next == DateTimeOffset.MaxValue)
        {
            if (await this.GetReminder(RetentionReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var wait = next - time.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestTimer ? LongestTimer : wait;
        _sweep = this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
        if (await this.GetReminder(RetentionReminder) is null)
        {
            await this.RegisterOrUpdateReminder(RetentionReminder, LongestTimer, LongestTimer);
        }
    }

    private DateTimeOffset DueAt(VerificationCase decided) => (decided.DecidedAt ?? decided.SubmittedAt) + options.Value.Retention;
}

using System.Collections.Concurrent;

namespace Broadcart.Grains.Payouts;

/// <summary>
/// The rail for development and tests: it records transfers in this process (one per idempotency
/// key, however often a key is submitted) and reports them paid once asked after submission. No
/// money moves; a restart forgets what it recorded.
/// </summary>
public sealed class LocalPayoutRail : IPayoutRail
{
    public const string RailName = "local";

    private readonly ConcurrentDictionary<string, LocalTransfer> byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalTransfer> byId = new(StringComparer.Ordinal);
    private int submissions;

    public string Name => RailName;

    /// <summary>Every transfer recorded, one per idempotency key.</summary>
    public IReadOnlyCollection<LocalTransfer> Transfers => [.. byKey.Values];

    /// <summary>How many submissions arrived, repeats included.</summary>
    public int Submissions => Volatile.Read(ref submissions);

    public string? CheckDestination(PayoutMethod method) => null;

    public Task<RailTransfer> SubmitAsync(RailTransferRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref submissions);
        var transfer = byKey.GetOrAdd(request.IdempotencyKey, key => new LocalTransfer("lt_" + key, request, DateTimeOffset.UtcNow));
        byId.TryAdd(transfer.TransferId, transfer);
        return Task.FromResult(new RailTransfer(transfer.TransferId, PayoutStatus.Submitted));
    }

    public Task<RailTransfer> GetAsync(string transferId, CancellationToken cancellationToken = default) =>
        byId.TryGetValue(transferId, out var transfer)
            ? Task.FromResult(new RailTransfer(transfer.TransferId, PayoutStatus.Paid))
            : throw new PayoutRailException($"the local rail has no transfer {transferId} (it forgets on restart)", transient: false);
}

public sealed record LocalTransfer(string TransferId, RailTransferRequest Request, DateTimeOffset At);

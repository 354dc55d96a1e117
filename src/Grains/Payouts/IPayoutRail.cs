namespace Broadcart.Grains.Payouts;

/// <summary>
/// A way money leaves the platform for a creator's account. The rail gets each payout's id as its
/// idempotency key: submitting the same key again (a retry after a timeout, a restart) answers the
/// transfer the first submission made and never makes a second one.
/// </summary>
public interface IPayoutRail
{
    /// <summary>The name payout methods give (<c>local</c>, <c>wise</c>).</summary>
    string Name { get; }

    /// <summary>Why this rail cannot pay to <paramref name="method"/>'s account reference, or null when it can.</summary>
    string? CheckDestination(PayoutMethod method);

    /// <summary>
    /// Submits the transfer. Throws <see cref="PayoutRailException"/>: transient (try again with the
    /// same key later) or a refusal (this transfer will never go).
    /// </summary>
    Task<RailTransfer> SubmitAsync(RailTransferRequest request, CancellationToken cancellationToken = default);

    /// <summary>The rail's latest word on a transfer it made.</summary>
    Task<RailTransfer> GetAsync(string transferId, CancellationToken cancellationToken = default);
}

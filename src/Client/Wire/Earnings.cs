namespace Broadcart.Client.Wire;

/// <summary>One paid order's commission; <see cref="State"/> is <c>pending</c>, <c>available</c>, <c>paidOut</c> or <c>reversed</c>.</summary>
public sealed record EarningEntry(string OrderId, string DealId, Money Amount, string State, DateTimeOffset At);

/// <summary>A creator's commission per currency: held (<see cref="Pending"/>), payable (<see cref="Available"/>) and sent (<see cref="PaidOut"/>).</summary>
public sealed record Earnings(
    string? PayoutCurrency, IReadOnlyList<Money> Pending, IReadOnlyList<Money> Available, IReadOnlyList<Money> PaidOut, IReadOnlyList<EarningEntry> Entries);

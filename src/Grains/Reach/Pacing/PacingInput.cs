using System.Collections.Immutable;

namespace Broadcart.Grains.Reach.Pacing;

/// <summary>
/// What the pacer decides from, all money in micro-units of the budget's currency.
/// <see cref="PacedFromMicros"/> is what had been spent when auto mode began: only the rest of the
/// budget is paced, so switching a half-spent manual reach to auto does not stall it.
/// </summary>
public sealed record PacingInput(
    long BudgetMicros,
    int PlannedMinutes,
    TimeSpan Elapsed,
    long PacedFromMicros,
    long SpentMicros,
    ImmutableArray<RegionReturn> Regions);

/// <summary>
/// One chosen region: <see cref="MeasuredRevenueMicros"/> and <see cref="MeasuredSpendMicros"/> come from one
/// snapshot of the room's metrics, so their ratio is a consistent return even though the
/// snapshot lags. <see cref="Idle"/>: no feed has asked to show the room there lately.
/// </summary>
public sealed record RegionReturn(
    string Region,
    long MeasuredRevenueMicros = 0,
    long MeasuredSpendMicros = 0,
    bool Idle = false);

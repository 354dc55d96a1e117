using System.Collections.Immutable;

namespace Broadcart.Grains.Reach.Pacing;

/// <summary>
/// The auto-paced reach policy (docs/feeds.md, "Auto-paced reach"): a pure function of the
/// budget, the clock and what was spent and earned. Deterministic, so a grain that restarts or
/// a test that replays a day gets the same answer from the same figures.
/// </summary>
public static class ReachPacer
{
    /// <summary>How far ahead of the even pace leases may be set aside: a cache must hold impressions before it can show any.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(10);

    /// <summary>Behind the pace (no demand for a while), at most this much of the pace may be spent in one burst.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(5);

    /// <summary>The part of the paced budget that buys data: split evenly, and each explored region keeps its slice as a floor.</summary>
    public const double ExplorationFloor = 0.10;

    public static PacingPlan Plan(PacingInput input)
    {
        var allowed = Allowed(input);
        var regions = input.Regions.IsDefault ? [] : input.Regions;
        if (regions.Length == 0)
        {
            return new PacingPlan(allowed, []);
        }

        var n = regions.Length;
        var paced = Math.Max(0, input.BudgetMicros - Math.Clamp(input.PacedFromMicros, 0, input.BudgetMicros));
        var exploreMicros = Math.Max(1, (long)(ExplorationFloor * paced / n));
        var explored = regions.Select(r => r.MeasuredSpendMicros >= exploreMicros).ToArray();
        var shares = Shares(regions, explored);

        // Idle regions lend their share to the busy ones, so a chosen region nobody is browsing
        // does not hold back the pace; the total allowance still binds everyone.
        var activeShare = regions.Select((r, i) => r.Idle ? 0 : shares[i]).Sum();
        var plans = regions.Select((r, i) =>
        {
            var capShare = activeShare <= 0 ? shares[i] : r.Idle ? shares[i] : shares[i] / activeShare;
            return new RegionPlan(r.Region, shares[i], Roi(r), explored[i], (long)Math.Floor(capShare * allowed));
        });
        return new PacingPlan(allowed, [.. plans]);
    }

    /// <summary>
    /// The even pace over the planned minutes plus <see cref="Lead"/>, bounded by the budget and
    /// by <see cref="CatchUp"/> past what is spent.
    /// </summary>
    public static long Allowed(PacingInput input)
    {
        var budget = Math.Max(0, input.BudgetMicros);
        var from = Math.Clamp(input.PacedFromMicros, 0, budget);
        var planned = TimeSpan.FromMinutes(Math.Max(1, input.PlannedMinutes));
        var elapsed = input.Elapsed < TimeSpan.Zero ? TimeSpan.Zero : input.Elapsed;
        var even = from + Share(budget - from, elapsed + Lead, planned);
        var burst = Math.Max(0, input.SpentMicros) + Share(budget - from, CatchUp, planned);
        return Math.Min(budget, Math.Min(even, burst));
    }

    /// <summary>The part of <paramref name="micros"/> that <paramref name="part"/> of <paramref name="whole"/> is, rounded down; exact in 128 bits.</summary>
    public static long Share(long micros, TimeSpan part, TimeSpan whole) =>
        (long)((Int128)micros * Math.Min(part.Ticks, whole.Ticks) / whole.Ticks);

    /// <summary>
    /// An unexplored region gets an even 1/n; each explored one its floor of
    /// <see cref="ExplorationFloor"/>/n plus the rest in proportion to ROI squared (squared, so a
    /// region that returns five times more gets most of the spend even among many; proportional
    /// alone leaves it below 60% among four). When no explored region has returned anything the
    /// rest is split evenly.
    /// </summary>
    private static double[] Shares(ImmutableArray<RegionReturn> regions, bool[] explored)
    {
        var n = regions.Length;
        var unexplored = explored.Count(e => !e);
        var rest = 1.0 - (double)unexplored / n - (n - unexplored) * ExplorationFloor / n;
        var weights = regions.Select((r, i) => explored[i] ? Math.Pow(Roi(r) ?? 0, 2) : 0).ToArray();
        var total = weights.Sum();
        return [.. regions.Select((_, i) => !explored[i]
            ? 1.0 / n
            : ExplorationFloor / n + rest * (total > 0 ? weights[i] / total : 1.0 / (n - unexplored)))];
    }

    private static double? Roi(RegionReturn r) => r.MeasuredSpendMicros > 0 ? (double)r.MeasuredRevenueMicros / r.MeasuredSpendMicros : null;
}

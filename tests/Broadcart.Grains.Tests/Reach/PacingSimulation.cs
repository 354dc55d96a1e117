using System.Collections.Immutable;
using Broadcart.Grains.Reach.Pacing;

namespace Broadcart.Grains.Tests.Reach;

/// <summary>
/// Drives the pacer like the reach grain does: every step each region's feeds take what its cap,
/// the pace and the budget leave (never more than its demand); orders come back after a delay;
/// the measured return is refreshed every <see cref="MeasureEvery"/> steps, as the grain reads the
/// room's metrics every few seconds. Checks the budget and the pace after every step.
/// </summary>
public sealed class PacingSimulation(long budgetMicros, int plannedMinutes, long microsPerImpression, IReadOnlyList<SimulatedAudience> audience, int seed)
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    public const int MeasureEvery = 2;

    public sealed record Result(long SpentMicros, long RevenueMicros, long[] SpendByRegion, long[] SpendAfterExploration, int? ExploredAtStep, int Steps);

    /// <summary>Runs the planned minutes (plus <paramref name="extraSteps"/>); not <paramref name="paced"/>: an even split of the same pace.</summary>
    public Result Run(bool paced = true, int extraSteps = 0)
    {
        var random = new Random(seed);
        var n = audience.Count;
        var spend = new long[n];
        var afterExploration = new long[n];
        var revenue = new long[n];
        var measuredRevenue = new long[n];
        var measuredSpend = new long[n];
        var pending = new Queue<(int Due, int Region, long Micros)>();
        int? exploredAt = null;
        var steps = (int)(TimeSpan.FromMinutes(plannedMinutes) / Step) + extraSteps;
        for (var step = 0; step < steps; step++)
        {
            var elapsed = Step * step;
            if (step % MeasureEvery == 0)
            {
                Array.Copy(revenue, measuredRevenue, n);
                Array.Copy(spend, measuredSpend, n);
            }

            var input = new PacingInput(budgetMicros, plannedMinutes, elapsed, 0, spend.Sum(),
                [.. audience.Select((a, i) => new RegionReturn(a.Region, measuredRevenue[i], measuredSpend[i], Idle: a.DemandPerStep == 0))]);
            var plan = ReachPacer.Plan(input);
            Assert.InRange(plan.Regions.Sum(r => r.Share), 0.999999, 1.000001);
            exploredAt ??= plan.Regions.All(r => r.Explored) ? step : null;
            for (var i = 0; i < n; i++)
            {
                var cap = paced ? plan.Regions[i].CapMicros : plan.AllowedMicros / n;
                var room = Math.Min(Math.Min(cap - spend[i], plan.AllowedMicros - spend.Sum()), budgetMicros - spend.Sum());
                var served = Math.Min(audience[i].DemandPerStep, Math.Max(0, room) / microsPerImpression);
                spend[i] += served * microsPerImpression;
                if (exploredAt is not null)
                {
                    afterExploration[i] += served * microsPerImpression;
                }

                var orders = Orders(random, served, audience[i].Conversion);
                pending.Enqueue((step + audience[i].DelaySteps, i, orders * audience[i].OrderMicros));
            }

            while (pending.Count > 0 && pending.Peek().Due <= step)
            {
                var (_, region, micros) = pending.Dequeue();
                revenue[region] += micros;
            }

            Assert.True(spend.Sum() <= budgetMicros, $"step {step}: spent {spend.Sum()} of a {budgetMicros} budget");
            var pace = ReachPacer.Share(budgetMicros, elapsed + ReachPacer.Lead, TimeSpan.FromMinutes(plannedMinutes));
            Assert.True(spend.Sum() <= pace, $"step {step}: spent {spend.Sum()}, the pace allows {pace}");
        }

        // What was served still converts after the last step.
        var total = revenue.Sum() + pending.Sum(p => p.Micros);
        return new Result(spend.Sum(), total, spend, afterExploration, exploredAt, steps);
    }

    private static long Orders(Random random, long impressions, double conversion)
    {
        if (impressions * conversion > 50)
        {
            // Normal approximation of the binomial: exact draws for thousands of impressions are slow.
            var mean = impressions * conversion;
            var sd = Math.Sqrt(mean * (1 - conversion));
            var u = 1 - random.NextDouble();
            var z = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Max(0, (long)Math.Round(mean + sd * z));
        }

        long count = 0;
        for (var k = 0; k < impressions; k++)
        {
            count += random.NextDouble() < conversion ? 1 : 0;
        }

        return count;
    }
}

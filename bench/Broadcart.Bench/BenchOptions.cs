namespace Broadcart.Bench;

/// <summary>Sizes, from flags: <c>--viewers 5000 --buyers 10000 --units 1000 ...</c>; <c>--smoke</c> makes everything tiny.</summary>
public sealed record BenchOptions(
    string Scenario,
    bool Smoke,
    int Viewers,
    int FanoutViewers,
    int[] ChatRates,
    TimeSpan StepDuration,
    int Buyers,
    int Units,
    int Rooms,
    int FeedRequests,
    string Configuration)
{
    public static BenchOptions Parse(string[] args)
    {
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var smoke = args.Contains("--smoke");
        int Int(string name, int normal, int tiny)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : smoke ? tiny : normal;
        }

        var rates = Array.IndexOf(args, "--rates") is var r and >= 0 && r + 1 < args.Length
            ? args[r + 1].Split(',').Select(int.Parse).ToArray()
            : smoke ? [20] : [5, 20, 80, 160, 320, 640, 1280, 2560];
        return new BenchOptions(
            scenario,
            smoke,
            Int("--viewers", 5000, 20),
            // One load-generating process on 2 cores cannot read 5,000 sockets fast enough to time
            // them: fan-out uses fewer viewers by default (raise with --fanout-viewers).
            Int("--fanout-viewers", 1000, 20),
            rates,
            TimeSpan.FromSeconds(Int("--step-seconds", 5, 2)),
            Int("--buyers", 10_000, 60),
            Int("--units", 1000, 20),
            Int("--rooms", 200, 5),
            Int("--requests", 20_000, 200),
            AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug");
    }
}

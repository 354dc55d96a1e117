namespace Broadcart.Bench;

/// <summary>Sizes, from flags: <c>--viewers 5000 --buyers 10000 --units 1000 --minutes 10 ...</c>; <c>--smoke</c> makes everything tiny.</summary>
public sealed record BenchOptions(
    string Scenario,
    string[] Arguments,
    bool Smoke,
    int Repeats,
    int Viewers,
    int FanoutViewers,
    int Senders,
    int[]? ChatRates,
    TimeSpan StepDuration,
    int Buyers,
    int Units,
    int Rooms,
    int FeedRequests,
    IReadOnlyDictionary<string, string> ServerEnvironment,
    string[]? Systems,
    TimeSpan Hold,
    TimeSpan SoakDuration,
    TimeSpan SoakInterval,
    int SoakViewers,
    int SoakRooms)
{
    /// <summary>The systems a scenario runs, less those <c>--systems a,b</c> leaves out (for experiments; the README's figures run them all).</summary>
    public HubSystem[] Only(params HubSystem[] systems) =>
        Systems is null ? systems : [.. systems.Where(s => Systems.Contains(s.Name))];

    public static BenchOptions Parse(string[] args)
    {
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var smoke = args.Contains("--smoke");
        int Int(string name, int normal, int tiny)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : smoke ? tiny : normal;
        }

        // Without --rates, chat-fanout doubles the rate until a step fails and then bisects the knee.
        var rates = Array.IndexOf(args, "--rates") is var r and >= 0 && r + 1 < args.Length
            ? args[r + 1].Split(',').Select(int.Parse).ToArray()
            : smoke ? [20] : null;
        return new BenchOptions(
            scenario,
            args,
            smoke,
            Int("--repeats", 3, 1),
            Int("--viewers", 5000, 20),
            // One load-generating process on 2 cores cannot read 5,000 sockets fast enough to time
            // them: fan-out uses fewer viewers by default (raise with --fanout-viewers).
            Int("--fanout-viewers", 1000, 20),
            Int("--senders", 10, 2),
            rates,
            TimeSpan.FromSeconds(Int("--step-seconds", 4, 2)),
            Int("--buyers", 10_000, 60),
            Int("--units", 1000, 20),
            Int("--rooms", 200, 5),
            Int("--requests", 20_000, 200),
            // --server-env Key=Value,Key=Value: extra settings for the Broadcart processes (experiments such as Dashboard__Enabled=false).
            Array.IndexOf(args, "--server-env") is var e and >= 0 && e + 1 < args.Length
                ? args[e + 1].Split(',').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1])
                : new Dictionary<string, string>(),
            Array.IndexOf(args, "--systems") is var y and >= 0 && y + 1 < args.Length ? args[y + 1].Split(',') : null,
            // --hold-seconds N: join-storm keeps its viewers connected this long after measuring (to take a heap dump).
            TimeSpan.FromSeconds(Int("--hold-seconds", 0, 0)),
            // The soak runs for minutes; its smoke for a few seconds, three intervals (a warm-up and two to compare).
            Array.IndexOf(args, "--minutes") is var m and >= 0 && m + 1 < args.Length
                ? TimeSpan.FromMinutes(double.Parse(args[m + 1], System.Globalization.CultureInfo.InvariantCulture))
                : smoke ? TimeSpan.FromSeconds(6) : TimeSpan.FromMinutes(10),
            TimeSpan.FromSeconds(Int("--interval-seconds", 60, 2)),
            Int("--soak-viewers", 160, 8),
            Int("--soak-rooms", 4, 2));
    }
}

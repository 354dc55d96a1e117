using Broadcart.Bench;
using Broadcart.Bench.Scenarios;

var options = BenchOptions.Parse(args);
var scenarios = options.Scenario == "all"
    ? ["chat-fanout", "join-storm", "flash-sale", "feed", "soak", "relay-scale"]
    : new[] { options.Scenario };
var failures = 0;
foreach (var scenario in scenarios)
{
    Console.WriteLine($"== {scenario}{(options.Smoke ? " (smoke)" : string.Empty)}");
    var report = new Report(scenario, options);
    switch (scenario)
    {
        case "chat-fanout":
            await ChatFanout.RunAsync(options, report);
            break;
        case "join-storm" or "idle-memory":
            await JoinStorm.RunAsync(options, report);
            break;
        case "flash-sale":
            await FlashSale.RunAsync(options, report);
            break;
        case "feed":
            await Feed.RunAsync(options, report);
            break;
        case "soak":
            await Soak.RunAsync(options, report);
            break;
        case "relay-scale":
            await RelayScale.RunAsync(options, report);
            break;
        default:
            Console.Error.WriteLine($"unknown scenario '{scenario}': use chat-fanout, join-storm, idle-memory, flash-sale, feed, soak, relay-scale or all");
            return 2;
    }

    Console.WriteLine($"  results: {report.Save()}");
    failures += report.Failures.Count;
}

Console.WriteLine(failures == 0 ? "bench: all correctness checks held" : $"bench: {failures} correctness check(s) failed");
return failures == 0 ? 0 : 1;

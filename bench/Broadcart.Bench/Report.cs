using System.Text.Json;
using System.Text.Json.Nodes;
using Broadcart.Testing;

namespace Broadcart.Bench;

/// <summary>One scenario's figures, the baseline's, and their ratios; saved as JSON and summarised in bench/README.md.</summary>
public sealed class Report(string scenario, BenchOptions options)
{
    private readonly JsonObject _system = [];
    private readonly JsonObject _baseline = [];
    private readonly JsonObject _ratios = [];
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public void System(string figure, double value) => _system[figure] = Math.Round(value, 2);

    public void Baseline(string figure, double value) => _baseline[figure] = Math.Round(value, 2);

    /// <summary>System over baseline for a figure where more is better (or less, for latency and memory).</summary>
    public void Ratio(string figure)
    {
        var s = _system[figure]?.GetValue<double>() ?? 0;
        var b = _baseline[figure]?.GetValue<double>() ?? 0;
        _ratios[figure] = b == 0 ? null : Math.Round(s / b, 2);
        Console.WriteLine($"  {figure,-28} system {s,12:0.##}   baseline {b,12:0.##}   ratio {(b == 0 ? "n/a" : (s / b).ToString("0.00"))}");
    }

    public void Fail(string why)
    {
        _failures.Add(why);
        Console.WriteLine($"  FAILED: {why}");
    }

    public string Save()
    {
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var os = global::System.Runtime.InteropServices.RuntimeInformation.OSDescription;
        var json = new JsonObject
        {
            ["scenario"] = scenario,
            ["date"] = DateTime.UtcNow.ToString("O"),
            ["machine"] = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {os}",
            ["command"] = $"dotnet run -c Release --project bench/Broadcart.Bench -- {scenario}" + (options.Smoke ? " --smoke" : string.Empty),
            ["sizes"] = JsonSerializer.SerializeToNode(new { options.Viewers, options.FanoutViewers, options.ChatRates, StepSeconds = options.StepDuration.TotalSeconds, options.Buyers, options.Units, options.Rooms, options.FeedRequests }),
            ["system"] = _system,
            ["baseline"] = _baseline,
            ["ratio"] = _ratios,
            ["failures"] = new JsonArray([.. _failures.Select(f => (JsonNode)f)]),
        };
        var folder = options.Smoke ? Path.Combine(RepoPaths.Root, ".bench-run", "results") : Path.Combine(RepoPaths.Root, "bench", "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{date}-{scenario}.json");
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}

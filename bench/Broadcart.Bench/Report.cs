using System.Text.Json;
using System.Text.Json.Nodes;
using Broadcart.Testing;

namespace Broadcart.Bench;

/// <summary>
/// One scenario's figures: every run's value per system, the median and spread (min-max) of each,
/// and ratios of medians against a baseline measured in the same run (<c>ratio.{system}.{figure}.{baseline}</c>). Saved as JSON and summarised
/// in bench/README.md.
/// </summary>
public sealed class Report(string scenario, BenchOptions options)
{
    private readonly Dictionary<string, Dictionary<string, List<double>>> _runs = new(StringComparer.Ordinal);
    private readonly JsonObject _ratios = [];
    private readonly List<string> _failures = [];
    private readonly JsonObject _details = [];

    public IReadOnlyList<string> Failures => _failures;

    public void Record(string system, string figure, double value)
    {
        if (!_runs.TryGetValue(system, out var figures))
        {
            _runs[system] = figures = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        }

        if (!figures.TryGetValue(figure, out var values))
        {
            figures[figure] = values = [];
        }

        values.Add(Math.Round(value, 2));
    }

    /// <summary>Prints each system's median and spread of a figure and the ratio of <paramref name="system"/>'s median to each baseline's.</summary>
    public void Compare(string figure, string system, params string[] baselines)
    {
        var s = Summary(system, figure);
        var line = $"  {figure,-34} {system} {Describe(s)}";
        var ratios = new JsonObject();
        foreach (var baseline in baselines)
        {
            var b = Summary(baseline, figure);
            var ratio = s is { } sv && b is { Median: > 0 } bv ? Math.Round(sv.Median / bv.Median, 2) : (double?)null;
            ratios[baseline] = ratio;
            line += $" | {baseline} {Describe(b)} ratio {(ratio is { } r ? r.ToString("0.00") : "n/a")}";
        }

        if (_ratios[system] is not JsonObject bySystem)
        {
            _ratios[system] = bySystem = [];
        }

        bySystem[figure] = ratios;
        Console.WriteLine(line);
    }

    // The flash-sale scenario's two-system form: "system" against "baseline".
    public void System(string figure, double value) => Record("system", figure, value);

    public void Baseline(string figure, double value) => Record("baseline", figure, value);

    public void Ratio(string figure) => Compare(figure, "system", "baseline");

    /// <summary>Structured figures that are not one value per run (the soak's intervals), saved under <c>details</c>.</summary>
    public void Detail(string name, JsonNode node) => _details[name] = node;

    public void Fail(string why)
    {
        _failures.Add(why);
        Console.WriteLine($"  FAILED: {why}");
    }

    public string Save()
    {
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var os = global::System.Runtime.InteropServices.RuntimeInformation.OSDescription;
        var runs = new JsonObject();
        var summary = new JsonObject();
        foreach (var (system, figures) in _runs)
        {
            var systemRuns = new JsonObject();
            var systemSummary = new JsonObject();
            foreach (var (figure, values) in figures)
            {
                systemRuns[figure] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
                var stats = Summary(system, figure)!.Value;
                systemSummary[figure] = new JsonObject { ["median"] = stats.Median, ["min"] = stats.Min, ["max"] = stats.Max };
            }

            runs[system] = systemRuns;
            summary[system] = systemSummary;
        }

        var json = new JsonObject
        {
            ["scenario"] = scenario,
            ["date"] = DateTime.UtcNow.ToString("O"),
            ["machine"] = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {os}",
            ["command"] = $"dotnet run -c Release --project bench/Broadcart.Bench -- {string.Join(' ', options.Arguments)}",
            ["sizes"] = JsonSerializer.SerializeToNode(new { options.Viewers, options.FanoutViewers, options.Senders, options.Repeats, options.ChatRates, StepSeconds = options.StepDuration.TotalSeconds, options.Buyers, options.Units, options.Rooms, options.FeedRequests, SoakSeconds = options.SoakDuration.TotalSeconds, SoakIntervalSeconds = options.SoakInterval.TotalSeconds, options.SoakViewers, options.SoakRooms }),
            ["summary"] = summary,
            ["ratio"] = _ratios,
            ["runs"] = runs,
            ["failures"] = new JsonArray([.. _failures.Select(f => (JsonNode)f)]),
        };
        if (_details.Count > 0)
        {
            json["details"] = _details;
        }

        var folder = options.Smoke ? Path.Combine(RepoPaths.Root, ".bench-run", "results") : Path.Combine(RepoPaths.Root, "bench", "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{date}-{scenario}.json");
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private (double Median, double Min, double Max)? Summary(string system, string figure)
    {
        if (!_runs.TryGetValue(system, out var figures) || !figures.TryGetValue(figure, out var values) || values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return (Math.Round(median, 2), sorted[0], sorted[^1]);
    }

    private static string Describe((double Median, double Min, double Max)? s) =>
        s is { } v ? $"{v.Median:0.##} [{v.Min:0.##}-{v.Max:0.##}]" : "n/a";
}

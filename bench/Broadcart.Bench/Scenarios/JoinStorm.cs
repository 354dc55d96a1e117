namespace Broadcart.Bench.Scenarios;

/// <summary>
/// Viewers joining one room as fast as 64 parallel clients can, and what each connected viewer
/// costs the serving process in resident memory once idle.
/// </summary>
public static class JoinStorm
{
    public static async Task RunAsync(BenchOptions options, Report report, bool memory)
    {
        foreach (var broadcart in new[] { true, false })
        {
            await using var server = broadcart ? await Server.EmbeddedAsync(options) : await Server.BareHubAsync(options);
            var target = await Target.PrepareAsync(server, broadcart);
            await using var audience = target.Audience();
            var before = server.Front.ResidentBytes();
            var joinsPerSecond = await audience.JoinAsync(options.Viewers, n => Console.WriteLine($"  {server.Name}: {n} viewers joined"));

            // Let connection set-up garbage settle before reading the idle footprint.
            await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 1 : 5));
            var perViewer = (server.Front.ResidentBytes() - before) / (double)options.Viewers;
            Console.WriteLine($"  {server.Name}: {joinsPerSecond:0} joins/s, {perViewer:0} bytes per idle viewer");
            if (broadcart)
            {
                report.System("joins_per_s", joinsPerSecond);
                report.System("bytes_per_idle_viewer", perViewer);
            }
            else
            {
                report.Baseline("joins_per_s", joinsPerSecond);
                report.Baseline("bytes_per_idle_viewer", perViewer);
            }
        }

        report.Ratio(memory ? "bytes_per_idle_viewer" : "joins_per_s");
    }
}

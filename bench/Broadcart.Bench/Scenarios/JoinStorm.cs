namespace Broadcart.Bench.Scenarios;

/// <summary>
/// Viewers joining one room as fast as 64 parallel clients can, each with a token of its own on
/// JWT systems; and what each connected idle viewer costs the serving process: managed heap after
/// a forced full GC and working set, read by the process itself. (<c>idle-memory</c> is the same
/// run: the joined viewers are the idle ones.)
/// </summary>
public static class JoinStorm
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        var systems = options.Only(HubSystem.Broadcart(), HubSystem.BareHubJwt(), HubSystem.BareHub());
        var tokens = systems.Where(s => s.Jwt).Select(s => s.Name).ToDictionary(n => n, _ => BenchTokens.Viewers("storm", options.Viewers));
        foreach (var (repeat, system) in Repeats.Alternating(options.Repeats, systems))
        {
            await using var server = await system.StartAsync(options);
            var roomId = await system.PrepareRoomAsync(server);
            await using var audience = new Audience(system, new Uri(server.Client.BaseUrl, "/hubs/live"), roomId);

            // Warm-up: a first few viewers pay for JIT and pools before the reading is taken.
            await audience.JoinAsync([.. Enumerable.Range(0, 64).Select(i => system.Token($"warm-{i}"))]);
            var before = await system.MemoryAsync(server);
            var joinsPerSecond = await audience.JoinAsync(system.Jwt ? tokens[system.Name] : new string?[options.Viewers]);
            var after = await system.MemoryAsync(server);
            var managed = (after.Managed - before.Managed) / (double)options.Viewers;
            var workingSet = (after.WorkingSet - before.WorkingSet) / (double)options.Viewers;
            Console.WriteLine($"  repeat {repeat + 1}: {system.Name}: {joinsPerSecond:0} joins/s, {managed:0} managed bytes and {workingSet:0} working-set bytes per idle viewer");
            report.Record(system.Name, "joins_per_s", joinsPerSecond);
            report.Record(system.Name, "managed_bytes_per_idle_viewer", managed);
            report.Record(system.Name, "working_set_bytes_per_idle_viewer", workingSet);
            if (options.Hold > TimeSpan.Zero)
            {
                Console.WriteLine($"  holding {options.Viewers} viewers for {options.Hold.TotalSeconds:0} s (process {server.Front.Id})");
                await Task.Delay(options.Hold);
            }
        }

        report.Compare("joins_per_s", "broadcart", "bare-hub-jwt", "bare-hub");
        report.Compare("managed_bytes_per_idle_viewer", "broadcart", "bare-hub-jwt", "bare-hub");
        report.Compare("working_set_bytes_per_idle_viewer", "broadcart", "bare-hub-jwt", "bare-hub");
    }
}

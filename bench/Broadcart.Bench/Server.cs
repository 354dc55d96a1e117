using Broadcart.Testing;

namespace Broadcart.Bench;

/// <summary>
/// A server under test, in processes of its own, and what it takes to reach it. Broadcart's are
/// started by the tests' <see cref="TopologyBuilder"/>; the bare hub is the benchmark's own.
/// </summary>
public sealed class Server(string name, NodeClient client, ServiceProcess front, IAsyncDisposable processes) : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public string Name { get; } = name;

    public NodeClient Client { get; } = client;

    /// <summary>The process that serves the viewers.</summary>
    public ServiceProcess Front { get; } = front;

    private static string Logs => Path.Combine(RepoPaths.Root, ".bench-run");

    /// <summary>Broadcart as `dotnet run --project src/Api` runs it: co-hosted silo, in-memory state.</summary>
    public static async Task<Server> EmbeddedAsync(BenchOptions options, IDictionary<string, string>? extra = null)
    {
        var topology = await Broadcart("bench")
            .Embedded()
            .Settings(options.ServerEnvironment)
            .Settings(extra ?? new Dictionary<string, string>())
            .StartAsync();
        return new Server("broadcart", topology.Api[0], topology.ApiProcess(0), topology);
    }

    /// <summary>The baseline hub: one process, nothing else; with <paramref name="jwt"/>, Broadcart's JwtBearer validation.</summary>
    public static async Task<Server> BareHubAsync(bool jwt)
    {
        var port = Ports.Free();
        var env = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        if (jwt)
        {
            env["BareHub__SigningKey"] = TestSecrets.SigningKey;
        }

        var hub = ServiceProcess.Start($"bare-hub-{port}", "dotnet", [RepoPaths.Built("bench/Broadcart.Bench.BareHub", "Broadcart.Bench.BareHub")], env, Logs);
        var client = new NodeClient(new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await client.WaitUntilReadyAsync(ReadyTimeout);
        }
        catch
        {
            client.Dispose();
            await hub.DisposeAsync();
            throw;
        }

        return new Server(jwt ? "bare hub (JWT)" : "bare hub", client, hub, hub);
    }

    /// <summary>The local production topology: Redis, Azurite, a silo and an API node, with durable state.</summary>
    public static async Task<Server> DurableAsync(bool groupCommit)
    {
        var topology = await Broadcart("bench-durable")
            .Setting("Orders__GroupCommit", groupCommit.ToString())

            // Order grains write their own records once a sale has been quiet this long: after the
            // measured rounds, so that a round's storage count is its own rush, not an earlier sale's handoff.
            .Setting("Orders__HandoffQuiet", "00:10:00")
            .StartAsync();
        return new Server(groupCommit ? "broadcart (group commit)" : "one write per reservation", topology.Api[0], topology.ApiProcess(0), topology);
    }

    /// <summary>Limits out of the way: the load generator is one client sending as fast as the server answers.</summary>
    private static TopologyBuilder Broadcart(string name) => new TopologyBuilder(name)
        .LogsIn(Logs)
        .Setting("Chat__MessagesPerWindow", "1000000")
        .ApiSetting("Hub__InvocationsPerSecond", "1000000")
        .ApiSetting("Hub__InvocationBurst", "1000000")
        .ApiSetting("RateLimits__HttpPerSecond", "1000000")
        .ApiSetting("RateLimits__HttpBurst", "1000000");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await processes.DisposeAsync();
    }
}

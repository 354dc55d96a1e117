using System.Net;
using System.Net.Sockets;
using Broadcart.Testing;

namespace Broadcart.Bench;

/// <summary>A server under test, in its own process, and what it takes to reach it.</summary>
public sealed class Server(string name, NodeClient client, IReadOnlyList<ServiceProcess> processes) : IAsyncDisposable
{
    public const string SigningKey = "bench-signing-key-0123456789-abcdefghijklmn";

    public string Name { get; } = name;

    public NodeClient Client { get; } = client;

    /// <summary>The process that serves the viewers (the last one started).</summary>
    public ServiceProcess Front => processes[^1];

    private static string Logs => Path.Combine(RepoPaths.Root, ".bench-run");

    private static string Dll(string project, string configuration, string folder = "src") =>
        Path.Combine(RepoPaths.Root, folder, project, "bin", configuration, "net10.0", $"{(folder == "src" ? "Broadcart." + project : project)}.dll");

    /// <summary>Broadcart as `dotnet run --project src/Api` runs it: co-hosted silo, in-memory state.</summary>
    public static Task<Server> EmbeddedAsync(BenchOptions options, IDictionary<string, string>? extra = null)
    {
        var port = FreePort();
        var env = new Dictionary<string, string>(ApiEnvironment(port))
        {
            ["Orleans__Mode"] = "Embedded",
            ["Orleans__SiloPort"] = FreePort().ToString(),
            ["Orleans__GatewayPort"] = FreePort().ToString(),
            ["Orleans__ClusterId"] = "bench-" + port,
        };
        foreach (var (k, v) in options.ServerEnvironment.Concat(extra ?? new Dictionary<string, string>()))
        {
            env[k] = v;
        }

        var api = ServiceProcess.Start($"broadcart-{port}", "dotnet", [Dll("Api", options.Configuration), "--contentRoot", Path.Combine(RepoPaths.Root, "src", "Api")], env, Logs);
        return ReadyAsync("broadcart", port, [api]);
    }

    /// <summary>The baseline hub: one process, nothing else; with <paramref name="jwt"/>, Broadcart's JwtBearer validation.</summary>
    public static Task<Server> BareHubAsync(BenchOptions options, bool jwt)
    {
        var port = FreePort();
        var env = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        if (jwt)
        {
            env["BareHub__SigningKey"] = SigningKey;
        }

        var hub = ServiceProcess.Start($"bare-hub-{port}", "dotnet", [Dll("Broadcart.Bench.BareHub", options.Configuration, "bench")], env, Logs);
        return ReadyAsync(jwt ? "bare hub (JWT)" : "bare hub", port, [hub]);
    }

    /// <summary>The local production topology: Redis, Azurite, a silo and an API node, with durable state.</summary>
    public static async Task<Server> DurableAsync(BenchOptions options, bool groupCommit)
    {
        var redisPort = FreePort();
        var azuritePort = FreePort();
        var data = Path.Combine(Logs, $"durable-{azuritePort}");
        Directory.CreateDirectory(data);
        var redis = ServiceProcess.Start($"redis-{redisPort}", "redis-server", ["--bind", "127.0.0.1", "--port", redisPort.ToString(), "--save", "", "--appendonly", "no"], new Dictionary<string, string>(), Logs);
        var azuriteMain = Environment.GetEnvironmentVariable("BROADCART_TEST_AZURITE_MAIN")
            ?? Path.Combine(RepoPaths.Root, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        var azurite = ServiceProcess.Start($"azurite-{azuritePort}", "node",
            [azuriteMain, "--blobHost", "127.0.0.1", "--blobPort", azuritePort.ToString(), "--location", data, "--skipApiVersionCheck", "--silent"],
            new Dictionary<string, string>(), Logs);
        await WaitForPortAsync(redisPort);
        await WaitForPortAsync(azuritePort);

        var cluster = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Orleans__ClusterId"] = "bench-durable-" + redisPort,
            ["Orleans__Membership"] = "Redis",
            ["Orleans__ReminderStore"] = "Redis",
            ["Orleans__StateStore"] = "Blob",
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Orleans__SiloPort"] = FreePort().ToString(),
            ["Orleans__GatewayPort"] = FreePort().ToString(),
            ["Orders__GroupCommit"] = groupCommit.ToString(),

            // Order grains write their own records once a sale has been quiet this long: after the
            // measured rounds, so that a round's storage count is its own rush, not an earlier sale's handoff.
            ["Orders__HandoffQuiet"] = "00:10:00",
            ["Redis__Configuration"] = $"127.0.0.1:{redisPort}",
            ["Blob__ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"BlobEndpoint=http://127.0.0.1:{azuritePort}/devstoreaccount1;",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var silo = ServiceProcess.Start($"silo-{redisPort}", "dotnet", [Dll("Silo", options.Configuration)], cluster, Logs);
        await WaitForPortAsync(int.Parse(cluster["Orleans__GatewayPort"]));
        var port = FreePort();
        var env = new Dictionary<string, string>(cluster);
        foreach (var (k, v) in ApiEnvironment(port))
        {
            env[k] = v;
        }

        env["Orleans__Mode"] = "Client";
        var api = ServiceProcess.Start($"api-{port}", "dotnet", [Dll("Api", options.Configuration), "--contentRoot", Path.Combine(RepoPaths.Root, "src", "Api")], env, Logs);
        return await ReadyAsync(groupCommit ? "broadcart (group commit)" : "one write per reservation", port, [redis, azurite, silo, api]);
    }

    private static Dictionary<string, string> ApiEnvironment(int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Auth__DevTokens"] = "true",
        ["Auth__SigningKey"] = SigningKey,
        ["Chat__MessagesPerWindow"] = "1000000",
        ["RateLimits__HttpPerSecond"] = "1000000",
        ["RateLimits__HttpBurst"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static async Task<Server> ReadyAsync(string name, int port, IReadOnlyList<ServiceProcess> processes)
    {
        var client = new NodeClient(new Uri($"http://127.0.0.1:{port}"));
        await Eventually.Until(async () =>
        {
            try
            {
                return (await client.Http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, ready => ready, $"{name} ready on {port}", TimeSpan.FromSeconds(90));
        return new Server(name, client, processes);
    }

    private static int FreePort() => Ports.Free();

    private static Task WaitForPortAsync(int port) => Eventually.Until(async () =>
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }, open => open, $"port {port}", TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var process in processes.Reverse())
        {
            await process.DisposeAsync();
        }
    }
}

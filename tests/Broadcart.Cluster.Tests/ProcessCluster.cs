using System.Net;
using System.Net.Sockets;

namespace Broadcart.Cluster.Tests;

/// <summary>
/// The production topology as separate processes on 127.0.0.1: its own Redis and Azurite (so a
/// test may stop and restart them), two silo processes and two API processes.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    public const string SigningKey = "cluster-tests-signing-key-0123456789-abcdefghij";
    public const string WebhookSecret = "cluster-tests-webhook-secret";

    private readonly string _root = RepoPaths.Root;
    private readonly string _logs;
    private readonly string _clusterId = "proc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int _redisPort = Ports.Free();
    private readonly int _azuritePort = Ports.Free();
    private readonly int[] _siloPorts = [Ports.Free(), Ports.Free()];
    private readonly int[] _gatewayPorts = [Ports.Free(), Ports.Free()];
    private readonly int[] _apiPorts = [Ports.Free(), Ports.Free()];
    private readonly ServiceProcess?[] _silos = new ServiceProcess?[2];
    private readonly ServiceProcess?[] _apis = new ServiceProcess?[2];
    private ServiceProcess? _redis;
    private ServiceProcess? _azurite;

    public ProcessCluster()
    {
        _logs = Path.Combine(_root, ".test-run", "cluster", _clusterId);
    }

    public NodeClient[] Api { get; private set; } = [];

    private string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    private string BlobConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{_azuritePort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        await StartRedisAsync();
        await StartAzuriteAsync();
        for (var i = 0; i < 2; i++)
        {
            await StartSiloAsync(i);
        }

        for (var i = 0; i < 2; i++)
        {
            _apis[i] = StartApi(i);
        }

        Api = [.. _apiPorts.Select(p => new NodeClient(new Uri($"http://127.0.0.1:{p}")))];
        foreach (var api in Api)
        {
            await Eventually.Until(() => ReadyAsync(api), ready => ready, $"{api.BaseUrl} ready", TimeSpan.FromSeconds(60));
        }
    }

    public async Task StartRedisAsync()
    {
        var redis = Which("redis-server") ?? throw new InvalidOperationException("redis-server is missing: apt-get install redis-server (./test.sh does this)");
        // Persistent, so that stopping and restarting it keeps Orleans' membership table (as a real Redis would).
        var data = Path.Combine(_logs, "redis-data");
        Directory.CreateDirectory(data);
        _redis = ServiceProcess.Start("redis", redis,
            ["--bind", "127.0.0.1", "--port", _redisPort.ToString(), "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", data],
            new Dictionary<string, string>(), _logs);
        await WaitForPortAsync(_redisPort, "redis-server");
    }

    public async Task StopRedisAsync()
    {
        await _redis!.StopAsync();
        await _redis.DisposeAsync();
        _redis = null;
    }

    public async Task StartAzuriteAsync()
    {
        var main = Environment.GetEnvironmentVariable("BROADCART_TEST_AZURITE_MAIN") is { Length: > 0 } configured
            ? configured
            : Path.Combine(_root, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed at {main}: run ./test.sh (it installs azurite from npm).");
        }

        var location = Path.Combine(_logs, "azurite-data");
        Directory.CreateDirectory(location);
        _azurite = ServiceProcess.Start("azurite", "node",
            [main, "--blobHost", "127.0.0.1", "--blobPort", _azuritePort.ToString(), "--location", location, "--skipApiVersionCheck", "--silent"],
            new Dictionary<string, string>(), _logs);
        await WaitForPortAsync(_azuritePort, "azurite");
    }

    public async Task StopAzuriteAsync()
    {
        await _azurite!.StopAsync();
        await _azurite.DisposeAsync();
        _azurite = null;
    }

    public async Task StartSiloAsync(int index)
    {
        var env = Common();
        env["Orleans__SiloPort"] = _siloPorts[index].ToString();
        env["Orleans__GatewayPort"] = _gatewayPorts[index].ToString();
        _silos[index] = ServiceProcess.Start($"silo{index + 1}", "dotnet", [Dll("Silo")], env, _logs);
        await WaitForPortAsync(_gatewayPorts[index], $"silo {index + 1}");
    }

    public Task KillSiloAsync(int index) => _silos[index]!.KillAsync();

    /// <summary>The index of the silo process an Orleans silo address (<c>127.0.0.1:port@generation</c> or similar) names.</summary>
    public int SiloIndexOf(string siloAddress)
    {
        var port = System.Text.RegularExpressions.Regex.Match(siloAddress, @"127\.0\.0\.1:(\d+)");
        Assert.True(port.Success, $"no loopback port in silo address '{siloAddress}'");
        var index = Array.IndexOf(_siloPorts, int.Parse(port.Groups[1].Value));
        Assert.True(index >= 0, $"silo address '{siloAddress}' is none of this cluster's silos ({string.Join(", ", _siloPorts)})");
        return index;
    }

    public Task KillApiAsync(int index) => _apis[index]!.KillAsync();

    public async Task RestartApiAsync(int index)
    {
        await _apis[index]!.DisposeAsync();
        _apis[index] = StartApi(index);
        await Eventually.Until(() => ReadyAsync(Api[index]), ready => ready, $"{Api[index].BaseUrl} ready again", TimeSpan.FromSeconds(60));
    }

    private ServiceProcess StartApi(int index)
    {
        var env = Common();
        env["Orleans__Mode"] = "Client";
        env["Auth__SigningKey"] = SigningKey;
        env["Auth__DevTokens"] = "true";
        env["Payments__WebhookSecret"] = WebhookSecret;
        env["RateLimits__HttpPerSecond"] = "5000";
        env["RateLimits__HttpBurst"] = "20000";
        env["Relay__HeartbeatInterval"] = "00:00:01";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_apiPorts[index]}";
        return ServiceProcess.Start($"api{index + 1}", "dotnet", [Dll("Api"), "--contentRoot", Path.Combine(_root, "src", "Api")], env, _logs);
    }

    private Dictionary<string, string> Common() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Orleans__ClusterId"] = _clusterId,
        ["Orleans__Membership"] = "Redis",
        ["Orleans__ReminderStore"] = "Redis",
        ["Orleans__StateStore"] = "Blob",
        ["Orleans__AdvertisedAddress"] = "127.0.0.1",
        // Evict a dead silo in a few seconds rather than the default tens of seconds.
        ["Orleans__ClusterMembership__ProbeTimeout"] = "00:00:01",
        ["Orleans__ClusterMembership__NumMissedProbesLimit"] = "2",
        ["Orleans__ClusterMembership__NumVotesForDeathDeclaration"] = "1",
        ["Redis__Configuration"] = $"127.0.0.1:{_redisPort}",
        ["Blob__ConnectionString"] = BlobConnectionString,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private string Dll(string project) => Path.Combine(_root, "src", project, "bin", Configuration, "net10.0", $"Broadcart.{project}.dll");

    private static async Task<bool> ReadyAsync(NodeClient api)
    {
        try
        {
            return (await api.Http.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static Task WaitForPortAsync(int port, string what) => Eventually.Until(async () =>
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }, open => open, $"{what} listening on {port}", TimeSpan.FromSeconds(60));

    private static string? Which(string name) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public async Task DisposeAsync()
    {
        foreach (var api in Api)
        {
            api.Dispose();
        }

        foreach (var process in _apis.Concat(_silos).Append(_azurite).Append(_redis))
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection : ICollectionFixture<ProcessCluster>
{
    public const string Name = "process cluster";
}

using System.Text.RegularExpressions;
using Xunit;

namespace Broadcart.Testing;

/// <summary>
/// Servers started by a <see cref="TopologyBuilder"/>, each its own process with its log in
/// <see cref="Logs"/>; a test may stop and restart Redis and Azurite, kill and restart silos and
/// API nodes. Disposing it kills what is still running.
/// </summary>
public sealed class Topology : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly TopologySettings _settings;
    private readonly int _redisPort = Ports.Free();
    private readonly int _azuritePort = Ports.Free();
    private readonly int[] _siloPorts;
    private readonly int[] _gatewayPorts;
    private readonly int[] _apiPorts;
    private readonly ServiceProcess?[] _silos;
    private readonly ServiceProcess?[] _apis;
    private ServiceProcess? _redis;
    private ServiceProcess? _azurite;

    internal Topology(TopologySettings settings)
    {
        _settings = settings;
        _siloPorts = [.. Enumerable.Range(0, settings.Silos).Select(_ => Ports.Free())];
        _gatewayPorts = [.. Enumerable.Range(0, settings.Silos).Select(_ => Ports.Free())];
        _apiPorts = [.. Enumerable.Range(0, settings.ApiNodes).Select(_ => Ports.Free())];
        _silos = new ServiceProcess?[settings.Silos];
        _apis = new ServiceProcess?[settings.ApiNodes];
        Api = [.. _apiPorts.Select(p => new NodeClient(new Uri($"http://127.0.0.1:{p}")))];
    }

    public string ClusterId => _settings.ClusterId;

    public string Logs => _settings.Logs;

    public NodeClient[] Api { get; }

    /// <summary>The process of an API node (to read its memory, or to say which one to profile).</summary>
    public ServiceProcess ApiProcess(int index) => _apis[index] ?? throw new InvalidOperationException($"API node {index + 1} is not running");

    internal async Task StartAsync()
    {
        if (!_settings.Embedded)
        {
            await StartRedisAsync();
            await StartAzuriteAsync();
            for (var i = 0; i < _silos.Length; i++)
            {
                await StartSiloAsync(i);
            }
        }

        for (var i = 0; i < _apis.Length; i++)
        {
            _apis[i] = StartApi(i);
        }

        foreach (var api in Api)
        {
            await api.WaitUntilReadyAsync(ReadyTimeout);
        }
    }

    public async Task StartRedisAsync()
    {
        var redis = Which("redis-server") ?? throw new InvalidOperationException("redis-server is missing: apt-get install redis-server (./test.sh does this)");
        var data = Path.Combine(Logs, "redis-data");
        Directory.CreateDirectory(data);
        string[] persistence = _settings.PersistentRedis ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        _redis = ServiceProcess.Start("redis", redis,
            ["--bind", "127.0.0.1", "--port", _redisPort.ToString(), "--save", "", .. persistence, "--dir", data],
            new Dictionary<string, string>(), Logs);
        await Ports.WaitUntilListeningAsync(_redisPort, "redis-server");
    }

    public async Task StopRedisAsync()
    {
        await _redis!.StopAsync();
        await _redis.DisposeAsync();
        _redis = null;
    }

    public async Task StartAzuriteAsync()
    {
        var location = Path.Combine(Logs, "azurite-data");
        Directory.CreateDirectory(location);
        _azurite = ServiceProcess.Start("azurite", "node", Azurite.Arguments(_azuritePort, location), new Dictionary<string, string>(), Logs);
        await Ports.WaitUntilListeningAsync(_azuritePort, "azurite");
    }

    public async Task StopAzuriteAsync()
    {
        await _azurite!.StopAsync();
        await _azurite.DisposeAsync();
        _azurite = null;
    }

    /// <summary>Starts silo <paramref name="index"/>, again if it was killed, on the same ports.</summary>
    public async Task StartSiloAsync(int index)
    {
        if (_silos[index] is { } old)
        {
            await old.DisposeAsync();
        }

        var env = ClusterEnvironment();
        env["Orleans__SiloPort"] = _siloPorts[index].ToString();
        env["Orleans__GatewayPort"] = _gatewayPorts[index].ToString();
        Overlay(env, apiNode: false);
        _silos[index] = ServiceProcess.Start($"silo{index + 1}", "dotnet", [RepoPaths.Built("src/Silo", "Broadcart.Silo")], env, Logs);
        await Ports.WaitUntilListeningAsync(_gatewayPorts[index], $"silo {index + 1}");
    }

    public Task KillSiloAsync(int index) => _silos[index]!.KillAsync();

    /// <summary>The index of the silo process an Orleans silo address (<c>127.0.0.1:port@generation</c> or similar) names.</summary>
    public int SiloIndexOf(string siloAddress)
    {
        var port = Regex.Match(siloAddress, @"127\.0\.0\.1:(\d+)");
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
        await Api[index].WaitUntilReadyAsync(ReadyTimeout);
    }

    private ServiceProcess StartApi(int index)
    {
        var env = ClusterEnvironment();
        if (_settings.Embedded)
        {
            env["Orleans__Mode"] = "Embedded";
            env["Orleans__SiloPort"] = Ports.Free().ToString();
            env["Orleans__GatewayPort"] = Ports.Free().ToString();
        }
        else
        {
            env["Orleans__Mode"] = "Client";
        }

        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_apiPorts[index]}";
        env["Auth__DevTokens"] = "true";
        env["Auth__SigningKey"] = TestSecrets.SigningKey;
        env["Payments__WebhookSecret"] = TestSecrets.WebhookSecret;
        Overlay(env, apiNode: true);

        return ServiceProcess.Start($"api{index + 1}", "dotnet", [RepoPaths.Built("src/Api", "Broadcart.Api"), "--contentRoot", RepoPaths.ApiContentRoot], env, Logs);
    }

    /// <summary>What every Broadcart process of this topology is told before the builder's settings.</summary>
    private Dictionary<string, string> ClusterEnvironment()
    {
        var env = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Orleans__ClusterId"] = ClusterId,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (!_settings.Embedded)
        {
            env["Orleans__Membership"] = "Redis";
            env["Orleans__ReminderStore"] = "Redis";
            env["Orleans__StateStore"] = "Blob";
            env["Orleans__AdvertisedAddress"] = "127.0.0.1";
            env["Redis__Configuration"] = $"127.0.0.1:{_redisPort}";
            env["Blob__ConnectionString"] = Azurite.ConnectionString(_azuritePort);
        }

        return env;
    }

    /// <summary>The builder's settings go last and in the order given, so that they win over the defaults and a later one over an earlier.</summary>
    private void Overlay(Dictionary<string, string> env, bool apiNode)
    {
        foreach (var setting in _settings.Settings.Where(s => apiNode || !s.ApiOnly))
        {
            env[setting.Key] = setting.Value;
        }
    }

    private static string? Which(string name) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
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

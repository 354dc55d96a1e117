using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Broadcart.Cluster.Tests;

/// <summary>
/// <c>deploy/local/up.sh</c> and <c>down.sh</c> as an operator runs them, on free ports. In the
/// process-cluster collection so that it never runs beside the other six-process tests.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class LocalScriptsTests
{
    private sealed record Run(int ExitCode, string Output);

    private static async Task<Run> RunAsync(string script, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "deploy", "local", script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output + await errors);
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Who listens on a port, for the failure message.</summary>
    private static string Listener(int port)
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", ["-ltnpH", $"sport = :{port}"]) { RedirectStandardOutput = true })!;
        var text = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        return text.Trim();
    }

    /// <summary>Gone, or a zombie waiting for a parent that is not ours to reap it.</summary>
    private static bool Gone(int pid) =>
        !File.Exists($"/proc/{pid}/stat") || File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');

    [Fact]
    public async Task Up_starts_redis_azurite_apertium_two_silos_and_two_api_nodes_and_down_stops_exactly_those()
    {
        int[] silos = [Ports.Free(), Ports.Free()], gateways = [Ports.Free(), Ports.Free()], apis = [Ports.Free(), Ports.Free()];
        int redis = Ports.Free(), azurite = Ports.Free(), apertium = Ports.Free();
        var state = Path.Combine(RepoPaths.Root, ".test-run", "local-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = new Dictionary<string, string>
        {
            ["BROADCART_LOCAL_STATE"] = state,
            ["NO_BUILD"] = "1",
            ["CONFIGURATION"] = RepoPaths.Configuration,
            ["REDIS_PORT"] = redis.ToString(),
            ["AZURITE_PORT"] = azurite.ToString(),
            ["APERTIUM_PORT"] = apertium.ToString(),
            ["SILO_PORTS"] = string.Join(' ', silos),
            ["GATEWAY_PORTS"] = string.Join(' ', gateways),
            ["API_PORTS"] = string.Join(' ', apis),
        };

        var up = await RunAsync("up.sh", environment);
        var pids = File.Exists(Path.Combine(state, "pids"))
            ? File.ReadAllLines(Path.Combine(state, "pids")).Select(line => int.Parse(line.Split(' ')[0])).ToList()
            : [];
        try
        {
            Assert.True(up.ExitCode == 0, $"up.sh exited {up.ExitCode}: {up.Output}");
            Assert.Contains($"http://127.0.0.1:{apis[0]}/", up.Output);
            Assert.Contains($"http://127.0.0.1:{apis[1]}/", up.Output);
            Assert.Equal(7, pids.Count);

            // The silos translate chat through this APY: it serves the pairs up.sh installed.
            using (var apy = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apertium}/") })
            {
                Assert.Contains("\"spa\"", await apy.GetStringAsync("listPairs"));
            }

            // Both API nodes serve the same cluster of two silos.
            foreach (var port in apis)
            {
                using var api = new NodeClient(new Uri($"http://127.0.0.1:{port}"));
                Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("/health/ready")).StatusCode);
                var admin = await DashboardProbe.OpenSessionAsync(api);
                await DashboardProbe.CountersUntilAsync(api.Http, admin, c => c.GetProperty("totalActiveHostCount").GetInt32() == 2, "two silos behind the node");
            }
        }
        finally
        {
            var down = await RunAsync("down.sh", environment);
            Assert.True(down.ExitCode == 0, $"down.sh exited {down.ExitCode}: {down.Output}");
        }

        Assert.All(pids, pid => Assert.True(Gone(pid), $"process {pid} outlived down.sh"));
        var ports = silos.Select(p => ("silo", p)).Concat(gateways.Select(p => ("gateway", p))).Concat(apis.Select(p => ("api", p)))
            .Append(("redis", redis)).Append(("azurite", azurite));
        Assert.All(ports, port => Assert.False(Listening(port.Item2), $"the {port.Item1} port {port.Item2} is still open: {Listener(port.Item2)}"));
        Assert.False(File.Exists(Path.Combine(state, "pids")));
    }
}

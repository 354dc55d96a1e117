using System.Text.Json;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>
/// Two silos and two API nodes that are Orleans clients of them, all in this process on loopback:
/// the production topology in miniature, with grain state in Azurite.
/// </summary>
public sealed class LiveCluster : IAsyncLifetime
{
    private readonly List<TestSilo> _silos = [];

    public ApiNode NodeA { get; private set; } = null!;

    public ApiNode NodeB { get; private set; } = null!;

    public IGrainFactory Grains => NodeA.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var clusterId = "tests-" + Guid.NewGuid().ToString("N")[..8];
        var primaryPort = Ports.Free();
        var durable = new Dictionary<string, string?>
        {
            ["Orleans:StateStore"] = "Blob",
            ["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString,
            ["Blob:StateContainer"] = "state-" + clusterId,
            ["Blob:ArchiveContainer"] = "archive-" + clusterId,
        };
        _silos.Add(await TestSilo.StartAsync(clusterId, primaryPort, Ports.Free(), primaryPort, durable));
        _silos.Add(await TestSilo.StartAsync(clusterId, Ports.Free(), Ports.Free(), primaryPort, durable));

        var settings = ApiNode.DefaultSettings();
        settings["Orleans:Mode"] = "Client";
        settings["Orleans:ClusterId"] = clusterId;
        settings["Orleans:Membership"] = "Static";
        settings["Orleans:Gateways"] = string.Join(',', _silos.Select(s => $"127.0.0.1:{s.GatewayPort}"));
        settings["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString;
        settings["Blob:MediaContainer"] = "media-" + clusterId;
        settings["Blob:ArchiveContainer"] = "archive-" + clusterId;
        NodeA = await ApiNode.StartAsync(settings);
        NodeB = await ApiNode.StartAsync(settings);
    }

    public async Task<JsonElement> RoomAsync(string roomId, string token)
    {
        var (response, body) = await NodeB.SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}", token);
        response.EnsureSuccessStatusCode();
        return body;
    }

    /// <summary>Deactivates every grain on every silo: what is read afterwards comes from storage.</summary>
    public Task DeactivateAllAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public Task<RoomDiagnostics> DiagnosticsAsync(string roomId) => Grains.GetGrain<ILiveRoomGrain>(roomId).GetDiagnostics();

    public async Task DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LiveClusterCollection : ICollectionFixture<LiveCluster>
{
    public const string Name = "live cluster";
}

using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Translation;

/// <summary>A silo that translates through <see cref="CountingTranslator"/> and two API nodes in front of it.</summary>
public sealed class TranslationCluster : IAsyncDisposable
{
    private TestSilo _silo = null!;

    public CountingTranslator Translator { get; private set; } = null!;

    public ApiNode NodeA { get; private set; } = null!;

    public ApiNode NodeB { get; private set; } = null!;

    public static async Task<TranslationCluster> StartAsync(TimeSpan timeout)
    {
        var cluster = new TranslationCluster { Translator = await CountingTranslator.StartAsync() };
        var clusterId = "translation-" + Guid.NewGuid().ToString("N")[..8];
        var siloPort = Ports.Free();
        var gatewayPort = Ports.Free();
        cluster._silo = await TestSilo.StartAsync(clusterId, siloPort, gatewayPort, siloPort, new Dictionary<string, string?>
        {
            ["Translation:Provider"] = "apertium",
            ["Translation:ApertiumUrl"] = cluster.Translator.Url.ToString(),
            ["Translation:Timeout"] = timeout.ToString(),
        });

        var settings = ApiNode.DefaultSettings();
        settings["Orleans:Mode"] = "Client";
        settings["Orleans:ClusterId"] = clusterId;
        settings["Orleans:Membership"] = "Static";
        settings["Orleans:Gateways"] = $"127.0.0.1:{gatewayPort}";
        cluster.NodeA = await ApiNode.StartAsync(settings);
        cluster.NodeB = await ApiNode.StartAsync(settings);
        return cluster;
    }

    /// <summary>Waits until the room has heard of exactly these languages from its nodes.</summary>
    public Task LanguagesReportedAsync(string roomId, params string[] languages) =>
        Eventually.Until(
            () => NodeA.Services.GetRequiredService<IGrainFactory>().GetGrain<ILiveRoomGrain>(roomId).GetDiagnostics(),
            d => !d.Languages.IsDefault && d.Languages.SequenceEqual(languages),
            $"the room to hear of the languages {string.Join(", ", languages)}");

    public async ValueTask DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        await _silo.DisposeAsync();
        await Translator.DisposeAsync();
    }
}

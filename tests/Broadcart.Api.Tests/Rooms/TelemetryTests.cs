using System.Collections.Concurrent;
using System.Net;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadcart.Api.Tests.Rooms;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Traces_and_metrics_are_exported_over_OTLP_when_an_endpoint_is_configured()
    {
        // A real OTLP/HTTP receiver on loopback: it records what arrives on /v1/traces and /v1/metrics.
        var received = new ConcurrentDictionary<string, int>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        receiverBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (body.Length > 0)
            {
                received.AddOrUpdate(signal, 1, (_, n) => n + 1);
            }

            if (received.ContainsKey("traces") && received.ContainsKey("metrics"))
            {
                arrived.TrySetResult();
            }

            return Results.Ok();
        });
        await receiver.StartAsync();
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var settings = ApiNode.DefaultSettings();
        settings["Orleans:SiloPort"] = Ports.Free().ToString();
        settings["Orleans:GatewayPort"] = Ports.Free().ToString();
        settings["Orleans:ClusterId"] = "otel-" + Guid.NewGuid().ToString("N")[..8];
        settings["OpenTelemetry:OtlpEndpoint"] = endpoint;
        settings["OpenTelemetry:OtlpProtocol"] = "http/protobuf";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        await using var node = await ApiNode.StartAsync(settings);
        var token = await node.TokenAsync("traced-streamer", "streamer");
        var (created, _) = await node.SendAsync(HttpMethod.Post, "/api/rooms", token, new { title = "Traced" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(received["traces"] > 0);
        Assert.True(received["metrics"] > 0);
    }
}

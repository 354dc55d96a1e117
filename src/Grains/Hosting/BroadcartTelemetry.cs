using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Broadcart.Grains.Hosting;

/// <summary>
/// Traces and metrics for every host: Orleans' own sources and meters and Broadcart's. Exported
/// over OTLP when an endpoint is configured (<c>OpenTelemetry:OtlpEndpoint</c> or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; <c>OpenTelemetry:OtlpProtocol</c> <c>grpc</c> (default) or
/// <c>http/protobuf</c>); otherwise collected for in-process listeners only.
/// </summary>
public static class BroadcartTelemetry
{
    public const string SourceName = "Broadcart";

    public static IServiceCollection AddBroadcartTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OpenTelemetry:ServiceName"] ?? serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", SourceName))
            .WithMetrics(m => m.AddMeter("Microsoft.Orleans", SourceName));

        var endpoint = configuration["OpenTelemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var protocol = configuration["OpenTelemetry:OtlpProtocol"] is "http/protobuf"
                ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
                : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
            builder.UseOtlpExporter(protocol, new Uri(endpoint));
        }

        return services;
    }
}

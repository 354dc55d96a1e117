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
/// <c>http/protobuf</c>); otherwise metrics are collected for in-process readers (the dashboard)
/// and nothing is traced.
/// </summary>
public static class BroadcartTelemetry
{
    public const string SourceName = "Broadcart";

    /// <summary>
    /// Whether telemetry leaves the process. Traces are only recorded then: a span per grain call
    /// (and Orleans' trace propagation on every message) costs real CPU on the chat path, and
    /// without an exporter nobody would ever read them.
    /// </summary>
    public static bool IsExported(IConfiguration configuration) => !string.IsNullOrWhiteSpace(Endpoint(configuration));

    public static IServiceCollection AddBroadcartTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OpenTelemetry:ServiceName"] ?? serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(m => m.AddMeter("Microsoft.Orleans", SourceName));

        var endpoint = Endpoint(configuration);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            builder.WithTracing(t => t.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", SourceName));
            var protocol = configuration["OpenTelemetry:OtlpProtocol"] is "http/protobuf"
                ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
                : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
            builder.UseOtlpExporter(protocol, new Uri(endpoint));
        }

        return services;
    }

    private static string? Endpoint(IConfiguration configuration) =>
        configuration["OpenTelemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
}

using Broadcart.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadcart.Grains.Metrics;

public static class ReportStoreRegistration
{
    /// <summary>The blob report store when <c>Blob:ConnectionString</c> is set, none otherwise (silos write it, API nodes read it).</summary>
    public static IServiceCollection AddReportStore(this IServiceCollection services, IConfiguration configuration)
    {
        var blob = configuration.GetSection("Blob").Get<BlobStorageOptions>();
        services.TryAddSingleton<IReportStore>(blob is { ConnectionString.Length: > 0 }
            ? new BlobReportStore(BlobClients.Container(blob, blob.ReportContainer))
            : new NoReportStore());
        return services;
    }
}

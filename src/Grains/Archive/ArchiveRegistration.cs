using Broadcart.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadcart.Grains.Archive;

public static class ArchiveRegistration
{
    /// <summary>The blob archive when <c>Blob:ConnectionString</c> is set, none otherwise.</summary>
    public static IServiceCollection AddEventArchive(this IServiceCollection services, IConfiguration configuration)
    {
        var blob = configuration.GetSection("Blob").Get<BlobStorageOptions>();
        services.TryAddSingleton<IEventArchive>(blob is { ConnectionString.Length: > 0 }
            ? new BlobEventArchive(BlobClients.Container(blob, blob.ArchiveContainer))
            : new NoEventArchive());
        return services;
    }

    /// <summary>
    /// For the one-process default (silo co-hosted, no Blob Storage): the archive in memory, so that
    /// ended rooms still have a replay and exports; bounded by <c>Archive:MemoryEvents</c>.
    /// </summary>
    public static IServiceCollection UseMemoryArchiveWithoutBlob(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection("Blob").Get<BlobStorageOptions>() is not { ConnectionString.Length: > 0 })
        {
            var max = configuration.GetValue("Archive:MemoryEvents", InMemoryEventArchive.DefaultMaxEvents);
            services.Replace(ServiceDescriptor.Singleton<IEventArchive>(new InMemoryEventArchive(max)));
        }

        return services;
    }
}

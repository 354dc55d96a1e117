using Broadcart.Grains.Common;
using Orleans.Concurrency;

namespace Broadcart.Grains.Storage;

[StatelessWorker(1)]
public sealed class StorageDiagnosticsGrain(ILocalSiloDetails silo) : Grain, IStorageDiagnosticsGrain
{
    public Task<StorageDiagnostics> Get() => Task.FromResult(new StorageDiagnostics(silo.SiloAddress.ToString(), StorageRequestCounter.Requests));
}

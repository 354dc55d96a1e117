namespace Broadcart.Grains.Common;

/// <summary>Storage requests sent by the silo that answers (a stateless worker: one per silo, called on the silo it lands on).</summary>
[Alias("Broadcart.IStorageDiagnosticsGrain")]
public interface IStorageDiagnosticsGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<StorageDiagnostics> Get();
}

[GenerateSerializer, Immutable, Alias("Broadcart.StorageDiagnostics")]
public sealed record StorageDiagnostics([property: Id(0)] string Silo, [property: Id(1)] long BlobRequests);

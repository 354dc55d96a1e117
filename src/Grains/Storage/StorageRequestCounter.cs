using Azure.Core;
using Azure.Core.Pipeline;

namespace Broadcart.Grains.Storage;

/// <summary>
/// Counts every request this process sends to Blob Storage, retries included (it sits in the
/// Azure SDK's pipeline per retry): what a benchmark divides by acknowledged orders.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private static long _requests;

    public static long Requests => Interlocked.Read(ref _requests);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _requests);
}

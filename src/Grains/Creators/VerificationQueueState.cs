namespace Broadcart.Grains.Creators;

[GenerateSerializer, Alias("Broadcart.VerificationQueueState")]
public sealed class VerificationQueueState
{
    /// <summary>Each creator's open case (pending), by creator id.</summary>
    [Id(0)] public Dictionary<string, VerificationCase> Pending { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every decision, oldest first: the audit. Its documents are deleted after the retention period.</summary>
    [Id(1)] public List<VerificationCase> Decided { get; set; } = [];
}

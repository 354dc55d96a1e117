namespace Broadcart.Grains.Creators;

[GenerateSerializer, Alias("Broadcart.CreatorState")]
public sealed class CreatorState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = string.Empty;
    [Id(2)] public string Region { get; set; } = string.Empty;

    /// <summary>Who follows: the set makes a repeated follow change nothing, so the count is exact.</summary>
    [Id(3)] public HashSet<string> Followers { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public VerificationStatus Verification { get; set; }
    [Id(5)] public string? PayoutCurrency { get; set; }

    /// <summary>The latest case (submission and decision); earlier ones live in the queue's audit.</summary>
    [Id(6)] public VerificationCase? Case { get; set; }
}

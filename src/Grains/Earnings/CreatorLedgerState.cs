namespace Broadcart.Grains.Earnings;

[GenerateSerializer, Alias("Broadcart.CreatorLedgerState")]
public sealed class CreatorLedgerState
{
    [Id(0)] public List<LedgerEntry> Entries { get; set; } = [];
}

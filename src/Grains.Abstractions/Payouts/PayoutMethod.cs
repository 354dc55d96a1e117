namespace Broadcart.Grains.Payouts;

/// <summary>Where a creator's payouts go: the rail, the account's country and currency, and the account as the rail knows it.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.PayoutMethod")]
public sealed record PayoutMethod(
    [property: Id(0)] string Rail,
    [property: Id(1)] string Country,
    [property: Id(2)] string Currency,
    [property: Id(3)] string AccountRef);

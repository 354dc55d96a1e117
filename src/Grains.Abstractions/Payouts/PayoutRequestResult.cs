namespace Broadcart.Grains.Payouts;

/// <summary>A payout and whether this request made it (false: an earlier request with the same key did).</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.PayoutRequestResult")]
public sealed record PayoutRequestResult([property: Id(0)] Payout Payout, [property: Id(1)] bool Created);

using Broadcart.Grains.Common;

namespace Broadcart.Grains.Payouts;

/// <summary>A transfer for a rail to make: the payout id is the idempotency key, the amount is what the creator receives.</summary>
public sealed record RailTransferRequest(string IdempotencyKey, Money Amount, PayoutMethod Destination, string HolderName, string Reference);

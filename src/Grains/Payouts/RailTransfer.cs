namespace Broadcart.Grains.Payouts;

/// <summary>A transfer as the rail knows it: its id there and how far it has gone.</summary>
public sealed record RailTransfer(string TransferId, PayoutStatus Status, string? Detail = null);

namespace Broadcart.Client.Wire;

/// <summary>An amount in a currency's minor unit (cents, yen): <c>{ currency, amountMinor }</c>.</summary>
public sealed record Money(string Currency, long AmountMinor);

namespace Broadcart.Grains.Common;

/// <summary>An amount in integer minor units of an ISO 4217 currency; never floating point.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.Money")]
public sealed record Money([property: Id(0)] string Currency, [property: Id(1)] long AmountMinor)
{
    public Money Times(int quantity) => this with { AmountMinor = checked(AmountMinor * quantity) };
}

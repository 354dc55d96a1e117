namespace Broadcart.Grains.Orders;

[GenerateSerializer, Immutable, Alias("Broadcart.PaymentNotice")]
/// <summary>
/// What the provider says of a payment. A refund names the payment it gives back
/// (<see cref="Refunded"/>, with <see cref="Succeeded"/> false).
/// </summary>
public sealed record PaymentNotice([property: Id(0)] string PaymentId, [property: Id(1)] bool Succeeded, [property: Id(2)] bool Refunded = false);

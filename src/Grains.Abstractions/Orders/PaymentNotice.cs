namespace Broadcart.Grains.Orders;

[GenerateSerializer, Immutable, Alias("Broadcart.PaymentNotice")]
public sealed record PaymentNotice([property: Id(0)] string PaymentId, [property: Id(1)] bool Succeeded);

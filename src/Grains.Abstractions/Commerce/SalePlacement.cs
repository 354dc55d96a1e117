using Broadcart.Grains.Orders;

namespace Broadcart.Grains.Commerce;

/// <summary>The sale's answer to a purchase: the order, or null when the order grain answers instead.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.SalePlacement")]
public sealed record SalePlacement([property: Id(0)] PlaceOrderResult? Result);

using Broadcart.Grains.Common;

namespace Broadcart.Api.Commerce;

public sealed record ProductRef(string? ProductId);

public sealed record FlashSaleBody(string? ProductId, int? Quantity, int? PerUserLimit, int? DurationSeconds, Money? Price);

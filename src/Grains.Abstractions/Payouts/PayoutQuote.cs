using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Fx;

namespace Broadcart.Grains.Payouts;

/// <summary>What a payout would send now, converted as a payout would be; nothing is taken or written.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.PayoutQuote")]
public sealed record PayoutQuote(
    [property: Id(0)] Money Amount,
    [property: Id(1)] ImmutableArray<FxConversion> Sources,
    [property: Id(2)] decimal FxRate,
    [property: Id(3)] DateOnly RateDate,
    [property: Id(4)] PayoutMethod Method);

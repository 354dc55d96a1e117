using Broadcart.Grains.Common;

namespace Broadcart.Grains.Fx;

/// <summary>An amount converted at a day's reference rates: what went in, what came out, the cross rate shown and its day.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.FxConversion")]
public sealed record FxConversion(
    [property: Id(0)] Money Source,
    [property: Id(1)] Money Converted,
    [property: Id(2)] decimal Rate,
    [property: Id(3)] DateOnly RateDate);

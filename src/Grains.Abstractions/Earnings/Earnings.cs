using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Earnings;

/// <summary>A creator's balances, one amount per currency, summed from <see cref="Entries"/>.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.Earnings")]
public sealed record Earnings(
    [property: Id(0)] ImmutableArray<Money> Pending,
    [property: Id(1)] ImmutableArray<Money> Available,
    [property: Id(2)] ImmutableArray<Money> PaidOut,
    [property: Id(3)] ImmutableArray<LedgerEntry> Entries);

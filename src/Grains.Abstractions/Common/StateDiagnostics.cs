namespace Broadcart.Grains.Common;

/// <summary>
/// How hard a grain's activation has worked its storage (durable writes or log appends): what tests
/// and benchmarks measure group commit by. Kept apart from the grain's domain views, which the API
/// turns into what clients see.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.StateDiagnostics")]
public sealed record StateDiagnostics([property: Id(0)] long StateWrites);

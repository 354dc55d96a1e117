namespace Broadcart.Testing;

/// <summary>One environment variable a <see cref="TopologyBuilder"/> gives its API nodes, or its silos too.</summary>
internal sealed record TopologySetting(string Key, string Value, bool ApiOnly);

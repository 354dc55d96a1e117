namespace Broadcart.Testing;

/// <summary>What a <see cref="TopologyBuilder"/> was told, fixed when the topology starts.</summary>
internal sealed record TopologySettings(
    string ClusterId,
    string Logs,
    int Silos,
    int ApiNodes,
    bool Embedded,
    bool PersistentRedis,
    IReadOnlyList<TopologySetting> Settings);

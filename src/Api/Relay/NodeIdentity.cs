namespace Broadcart.Api.Relay;

/// <summary>This API node's id, unique per process so a restarted node is a new subscriber.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";
}

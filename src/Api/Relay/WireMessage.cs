using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Relay;

/// <summary>One hub invocation, serialised at most once per protocol, for the whole room or one region's viewers.</summary>
public sealed record WireMessage(SerializedHubMessage Message, string? Region = null);

using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Relay;

/// <summary>One hub invocation, serialised at most once per protocol, for the whole room, one region's viewers or one language's readers.</summary>
public sealed record WireMessage(SerializedHubMessage Message, string? Region = null, string? Language = null);

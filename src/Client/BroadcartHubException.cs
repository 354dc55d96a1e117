using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Client;

/// <summary>A refusal from the hub, with the protocol's error code (<c>rate_limited</c>, <c>muted</c>, ...).</summary>
public sealed class BroadcartHubException(string code, string message, Exception inner) : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>The hub sends "code: sentence"; anything else keeps its text and has no code.</summary>
    public static BroadcartHubException From(HubException e)
    {
        // SignalR prefixes server messages with its own sentence up to "HubException: ".
        var text = e.Message;
        var marker = text.IndexOf("HubException: ", StringComparison.Ordinal);
        if (marker >= 0)
        {
            text = text[(marker + "HubException: ".Length)..];
        }

        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && text[..colon].All(c => c is (>= 'a' and <= 'z') or '_')
            ? new BroadcartHubException(text[..colon], text[(colon + 2)..], e)
            : new BroadcartHubException("", text, e);
    }
}

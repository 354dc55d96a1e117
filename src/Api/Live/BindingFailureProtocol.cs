using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Broadcart.Api.Live;

/// <summary>
/// Wraps a hub protocol so that an invocation whose arguments cannot be read (too few, too many,
/// the wrong types) is refused like any other bad input: a coded <c>validation_failed</c>
/// HubException naming the method's parameters. SignalR's own answer to a binding failure is an
/// uncoded "Failed to invoke" error, and no hub filter sees it, so the failure is handed to
/// <see cref="LiveHub.RefuseInvocation"/>, which goes through the filters (rate limit, error
/// coding) like every call.
/// </summary>
public sealed class BindingFailureProtocol(IHubProtocol inner) : IHubProtocol
{
    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage { InvocationId: { } id } failure)
        {
            message = new InvocationMessage(id, nameof(LiveHub.RefuseInvocation), [failure.Target, Describe(failure)]) { Headers = failure.Headers };
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    private static string Describe(InvocationBindingFailureMessage failure)
    {
        var method = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .FirstOrDefault(m => string.Equals(m.Name, failure.Target, StringComparison.OrdinalIgnoreCase));
        if (method is null)
        {
            return $"there is no hub method '{Shorten(failure.Target)}'";
        }

        var parameters = string.Join(", ", method.GetParameters().Select(p => $"{p.Name}: {TypeName(p.ParameterType)}"));
        return $"{method.Name} takes ({parameters}); the call's arguments could not be read ({Shorten(failure.BindingFailure.SourceException.Message)})";
    }

    private static string TypeName(Type type) => type == typeof(int) ? "integer" : type == typeof(string) ? "string" : type.Name;

    // The target name and the parser's message echo client input: keep the refusal short.
    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}

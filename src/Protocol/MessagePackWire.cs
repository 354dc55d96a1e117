using MessagePack;
using MessagePack.Resolvers;

namespace Broadcart.Protocol;

/// <summary>
/// MessagePack options for the hub, on the server and in .NET clients. Payloads keep exactly their
/// JSON shape (the same camelCase keys, times as ISO 8601 strings, enums as strings), so a client
/// reads the same members whichever protocol it chose, and JavaScript's MessagePack decoder needs
/// no mapping. Primitive arguments (ids, text, counts) stay native MessagePack values.
/// </summary>
public static class MessagePackWire
{
    public static MessagePackSerializerOptions Options { get; } = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(BuiltinResolver.Instance, JsonShapedResolver.Instance))
        .WithSecurity(MessagePackSecurity.UntrustedData);
}

using MessagePack;
using MessagePack.Formatters;

namespace Broadcart.Protocol;

/// <summary>Resolves every type to a <see cref="JsonShapedFormatter{T}"/>.</summary>
public sealed class JsonShapedResolver : IFormatterResolver
{
    public static JsonShapedResolver Instance { get; } = new();

    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T> Formatter = new JsonShapedFormatter<T>();
    }
}

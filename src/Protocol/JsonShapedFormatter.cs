using System.Buffers;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace Broadcart.Protocol;

/// <summary>
/// Writes a value as the MessagePack equivalent of its wire JSON and reads it back the same way.
/// Fan-out serialises each message once per protocol, not once per viewer, so the detour through
/// JSON costs once per message.
/// </summary>
public sealed class JsonShapedFormatter<T> : IMessagePackFormatter<T>
{
    public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
    {
        Write(ref writer, JsonSerializer.SerializeToElement(value, WireJson.Options));
    }

    public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            options.Security.DepthStep(ref reader);
            Read(ref reader, json);
            reader.Depth--;
        }

        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, WireJson.Options)!;
    }

    private static void Write(ref MessagePackWriter writer, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in e.EnumerateObject())
                {
                    count++;
                }

                writer.WriteMapHeader(count);
                foreach (var p in e.EnumerateObject())
                {
                    writer.Write(p.Name);
                    Write(ref writer, p.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(e.GetArrayLength());
                foreach (var item in e.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(e.GetString());
                break;
            case JsonValueKind.Number when e.TryGetInt64(out var l):
                writer.Write(l);
                break;
            case JsonValueKind.Number:
                writer.Write(e.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter json)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var fields = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < fields; i++)
                {
                    json.WritePropertyName(reader.ReadString() ?? string.Empty);
                    Read(ref reader, json);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    Read(ref reader, json);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Integer:
                json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Binary:
                json.WriteBase64StringValue(reader.ReadBytes()!.Value.ToArray());
                break;
            default:
                throw new MessagePackSerializationException($"a {reader.NextMessagePackType} value has no JSON shape");
        }
    }
}

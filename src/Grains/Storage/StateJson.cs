using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadcart.Grains.Storage;

/// <summary>How grain state looks in its blob: camelCase JSON, enums as names.</summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadcart.Protocol;

/// <summary>The JSON every payload is shaped by: camelCase members, enums as camelCase strings.</summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the wire's rules to options that SignalR or ASP.NET Core created.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

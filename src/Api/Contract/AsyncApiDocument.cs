using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Broadcart.Api.Live;
using Broadcart.Protocol;

namespace Broadcart.Api.Contract;

/// <summary>
/// The hub's contract as an AsyncAPI 3.0 document: one channel (the hub), a receive operation per
/// event, a send operation per hub method with its reply. Payload schemas come from the very
/// records the hub serialises, with the hub's JSON options, so they cannot say something else.
/// </summary>
public static class AsyncApiDocument
{
    // The hub's own options, with the reflection resolver the exporter needs to walk the types.
    private static readonly JsonSerializerOptions Wire = new(WireJson.Options) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    public static JsonObject Build()
    {
        var messages = new JsonObject();
        var operations = new JsonObject();
        var channelMessages = new JsonObject();
        foreach (var e in HubContract.Events)
        {
            messages[e.Name] = new JsonObject
            {
                ["name"] = e.Name,
                ["summary"] = e.Summary,
                ["contentType"] = "application/json",
                ["payload"] = Schema(e.Payload),
            };
            channelMessages[e.Name] = Ref($"#/components/messages/{e.Name}");
            operations["on" + char.ToUpperInvariant(e.Name[0]) + e.Name[1..]] = new JsonObject
            {
                ["action"] = "receive",
                ["summary"] = e.Summary,
                ["channel"] = Ref("#/channels/live"),
                ["messages"] = new JsonArray(Ref($"#/channels/live/messages/{e.Name}")),
            };
        }

        foreach (var m in HubContract.Methods)
        {
            var arguments = new JsonArray([.. m.Arguments.Select(a => (JsonNode)Named(Schema(a.Type), a.Name))]);
            messages[m.Name] = new JsonObject
            {
                ["name"] = m.Name,
                ["summary"] = m.Summary,
                ["contentType"] = "application/json",
                ["description"] = "A SignalR invocation of " + m.Name + ": its arguments, in order. Refusals are HubExceptions whose message starts with the code: " + string.Join(", ", m.Refusals),
                ["payload"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = arguments,
                    ["minItems"] = m.Arguments.Count,
                    ["maxItems"] = m.Arguments.Count,
                },
            };
            channelMessages[m.Name] = Ref($"#/components/messages/{m.Name}");
            var operation = new JsonObject
            {
                ["action"] = "send",
                ["summary"] = m.Summary,
                ["channel"] = Ref("#/channels/live"),
                ["messages"] = new JsonArray(Ref($"#/channels/live/messages/{m.Name}")),
            };
            if (m.Result is { } result)
            {
                var reply = m.Name + "Result";
                messages[reply] = new JsonObject { ["name"] = reply, ["contentType"] = "application/json", ["payload"] = Schema(result) };
                channelMessages[reply] = Ref($"#/components/messages/{reply}");
                operation["reply"] = new JsonObject
                {
                    ["channel"] = Ref("#/channels/live"),
                    ["messages"] = new JsonArray(Ref($"#/channels/live/messages/{reply}")),
                };
            }

            operations[m.Name] = operation;
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Broadcart live hub",
                ["version"] = "1",
                ["description"] = "The SignalR hub at " + LiveHub.Path + ": the JSON hub protocol (or MessagePack, in the same shape). " +
                    "Authenticate with the access_token query parameter or a bearer header. Clients send invocations; the server sends events. " +
                    "docs/protocol.md says what each one means.",
            },
            ["defaultContentType"] = "application/json",
            ["channels"] = new JsonObject
            {
                ["live"] = new JsonObject
                {
                    ["address"] = LiveHub.Path,
                    ["title"] = "The live hub",
                    ["messages"] = channelMessages,
                },
            },
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages },
        };
    }

    private static JsonNode Schema(Type type) =>
        JsonSchemaExporter.GetJsonSchemaAsNode(Wire, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });

    private static JsonNode Named(JsonNode schema, string name)
    {
        if (schema is JsonObject o)
        {
            o["title"] = name;
        }

        return schema;
    }

    private static JsonObject Ref(string path) => new() { ["$ref"] = path };
}

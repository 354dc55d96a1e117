using System.Reflection;
using System.Text.Json;
using Broadcart.Api.Live;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Contract;

/// <summary>The hub's AsyncAPI document, as served, against the hub in code: a method or event in one and not the other fails.</summary>
public sealed class AsyncApiContractTests
{
    [Fact]
    public async Task The_served_document_names_exactly_the_hubs_methods_with_their_arguments_and_exactly_its_events()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var response = await node.Http.GetAsync("/asyncapi/v1.json");
        Assert.True(response.IsSuccessStatusCode, $"GET /asyncapi/v1.json answered {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var document = json.RootElement;
        Assert.Equal("3.0.0", document.GetProperty("asyncapi").GetString());
        Assert.Equal(LiveHub.Path, document.GetProperty("channels").GetProperty("live").GetProperty("address").GetString());

        var operations = document.GetProperty("operations").EnumerateObject().ToList();
        var messages = document.GetProperty("components").GetProperty("messages");

        // Methods: every public method clients can invoke, by name and argument names, in order.
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveHub))
            .ToDictionary(m => m.Name, m => m.GetParameters().Select(p => p.Name!).ToArray());
        var sent = operations.Where(o => o.Value.GetProperty("action").GetString() == "send").ToDictionary(o => o.Name, o => o.Value);
        Assert.Equal(methods.Keys.Order(), sent.Keys.Order());
        foreach (var (name, parameters) in methods)
        {
            var items = messages.GetProperty(name).GetProperty("payload").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToArray();
            Assert.True(parameters.SequenceEqual(items), $"{name}: the hub takes ({string.Join(", ", parameters)}), the document says ({string.Join(", ", items)})");
            var returnsValue = typeof(LiveHub).GetMethod(name)!.ReturnType is { IsGenericType: true };
            Assert.True(returnsValue == sent[name].TryGetProperty("reply", out _), $"{name}: a reply in the document exactly when the method answers a value");
        }

        // Events: every name in EventNames, and nothing else.
        var eventNames = typeof(EventNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var received = operations.Where(o => o.Value.GetProperty("action").GetString() == "receive")
            .Select(o => o.Value.GetProperty("messages")[0].GetProperty("$ref").GetString()!.Split('/')[^1]).ToList();
        Assert.Equal(eventNames.Order(), received.Order());

        // Payload schemas are the records the hub sends, in its JSON shape.
        var chat = messages.GetProperty("chat").GetProperty("payload").GetProperty("properties");
        Assert.Equal(["roomId", "messageId", "seq", "userId", "name", "text", "sentAt"], chat.EnumerateObject().Select(p => p.Name));
        var status = messages.GetProperty("roomStatus").GetProperty("payload").GetProperty("properties").GetProperty("status");
        Assert.Contains("live", status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}

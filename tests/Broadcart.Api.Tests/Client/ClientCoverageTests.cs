using System.Reflection;
using Broadcart.Api.Contract;
using Broadcart.Client;

namespace Broadcart.Api.Tests.Client;

/// <summary>Both SDKs cover the hub's contract: a method or event added to the hub and not to a client fails here.</summary>
public sealed class ClientCoverageTests
{
    // Not for applications: where the server sends calls it could not read.
    private static readonly string[] ServerOnly = ["RefuseInvocation"];

    // Chat arrives alone or batched; both clients raise each message as one chat event.
    private static readonly string[] ChatEvents = ["chat", "chatBatch"];

    private static string[] Missing(IEnumerable<string> names) => [.. names];

    [Fact]
    public void The_dotnet_client_has_a_typed_call_for_every_hub_method_and_an_event_for_every_hub_event()
    {
        var methods = typeof(BroadcartLiveClient).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var events = typeof(BroadcartLiveClient).GetEvents().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Missing(HubContract.Methods.Select(m => m.Name).Except(ServerOnly).Where(name => !methods.Contains(name + "Async"))));
        Assert.Empty(Missing(HubContract.Events.Select(e => e.Name).Except(ChatEvents).Where(name => !events.Contains(char.ToUpperInvariant(name[0]) + name[1..]))));
        Assert.Contains("Chat", events);
    }

    [Fact]
    public void The_typescript_client_invokes_every_hub_method_and_listens_for_every_hub_event()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "clients", "js", "src", "live-client.ts"));
        var wire = File.ReadAllText(Path.Combine(RepoPaths.Root, "clients", "js", "src", "wire.ts"));

        // Each name in quotes: an invocation ('Bid', ...) or a listener ('auction').
        Assert.Empty(Missing(HubContract.Methods.Select(m => m.Name).Except(ServerOnly).Where(name => !source.Contains($"'{name}'", StringComparison.Ordinal))));
        Assert.Empty(Missing(HubContract.Events.Select(e => e.Name).Where(name => !source.Contains($"'{name}'", StringComparison.Ordinal))));
        Assert.Empty(Missing(HubContract.Events.Select(e => e.Name).Except(ChatEvents).Where(name => !wire.Contains($"  {name}: ", StringComparison.Ordinal))));
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Testing;

/// <summary>
/// A real SignalR .NET client that records every event it receives, and lets a test await a
/// condition over them with a timeout (never a sleep).
/// </summary>
public sealed class Viewer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] EventNames =
    [
        "chat", "chatBatch", "chatDeleted", "chatTranslated", "viewers", "likes", "roomStatus", "slowMode",
        "productPinned", "showcase", "flashSale", "stock", "purchase", "geo", "metrics", "auction",
    ];

    private readonly Lock _lock = new();
    private readonly List<SeenChat> _chat = [];
    private readonly List<(string Name, JsonElement Payload)> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Viewer(Uri hub, string token, bool messagePack = false)
    {
        Connection = HubConnections.Create(hub, token, messagePack);
        foreach (var name in EventNames)
        {
            Connection.On<JsonElement>(name, payload => Record(name, payload));
        }
    }

    public HubConnection Connection { get; }

    /// <summary>Chat in the order it arrived, from both <c>chat</c> and <c>chatBatch</c>.</summary>
    public IReadOnlyList<SeenChat> Chat
    {
        get
        {
            lock (_lock)
            {
                return [.. _chat];
            }
        }
    }

    public IReadOnlyList<(string Name, JsonElement Payload)> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IEnumerable<JsonElement> EventsNamed(string name) => Events.Where(e => e.Name == name).Select(e => e.Payload);

    public Task StartAsync() => Connection.StartAsync();

    public Task StopAsync() => Connection.StopAsync();

    public Task<JsonElement> JoinAsync(string roomId) => Connection.InvokeAsync<JsonElement>("JoinRoom", roomId);

    public Task<JsonElement> SendChatAsync(string roomId, string text) => Connection.InvokeAsync<JsonElement>("SendChat", roomId, text);

    public async Task WaitUntil(Func<Viewer, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"timed out waiting for {what}; events: {string.Join(", ", Events.Select(e => $"{e.Name} {e.Payload}"))}");
            }
        }
    }

    private void Record(string name, JsonElement payload)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _events.Add((name, payload.Clone()));
            switch (name)
            {
                case "chat":
                    _chat.Add(payload.Deserialize<SeenChat>(Json)!);
                    break;
                case "chatBatch":
                    _chat.AddRange(payload.GetProperty("messages").Deserialize<List<SeenChat>>(Json)!);
                    break;
            }

            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

using System.Net;
using System.Text.Json;
using Broadcart.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Bench.Scenarios;

/// <summary>
/// The soak's load on one server, open loop: every operation is started at its scheduled time
/// whether or not earlier ones were answered, and timed from that time. Watching viewers stay
/// for the whole run, chat and like, and count every chat message of their room (a missing or
/// doubled delivery is an error); churning viewers connect, join, stay a while and leave (half
/// with <c>LeaveRoom</c>, half by disconnecting), each a new user.
/// </summary>
public sealed class SoakLoad(Server server, IReadOnlyList<Shop> shops, SoakRates rates, OperationStats stats, ChatLedger ledger) : IAsyncDisposable
{
    public static readonly string[] Operations = ["chat", "like", "join", "leave", "order", "pay", "feed"];

    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(30);

    private readonly HubSystem _system = HubSystem.Broadcart();
    private readonly Uri _hub = new(server.Client.BaseUrl, "/hubs/live");
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly List<Watcher> _watchers = [];
    private Watcher[][] _byRoom = [];
    private readonly CancellationTokenSource _stop = new();
    private long _inFlight;

    private sealed record Watcher(HubConnection Connection, string Token, int Room);

    private sealed record ChatLite(string Text);

    private sealed record ChatBatchLite(List<ChatLite> Messages);

    /// <summary>Connects the watching viewers, spread evenly over the rooms.</summary>
    public async Task ConnectWatchersAsync(int count)
    {
        var watchers = new Watcher[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var token = BenchTokens.For($"soak-{_run}-watcher-{i}");
            var connection = _system.Connection(_hub, token);
            connection.On<ChatLite>("chat", m => Deliver(m.Text));
            connection.On<ChatBatchLite>("chatBatch", b => b.Messages.ForEach(m => Deliver(m.Text)));
            connection.Closed += ex =>
            {
                if (!_stop.IsCancellationRequested)
                {
                    stats.Failed("connection", $"a watching viewer's connection closed ({ex?.Message ?? "by the server"})");
                }

                return Task.CompletedTask;
            };
            await connection.StartAsync(ct);
            await HubSystem.JoinAsync(connection, shops[i % shops.Count].RoomId, ct);
            watchers[i] = new Watcher(connection, token, i % shops.Count);
        });
        _watchers.AddRange(watchers);
        _byRoom = [.. Enumerable.Range(0, shops.Count).Select(r => _watchers.Where(w => w.Room == r).ToArray())];
    }

    /// <summary>The feed lists every soak room before the load starts (the per-silo feed cache fills in a moment).</summary>
    public Task WaitForFeedAsync() => Eventually.Until(async () => Missing(await FeedAsync(_watchers[0].Token)), missing => missing == 0, "every soak room in the feed", TimeSpan.FromSeconds(30));

    /// <summary>Runs every operation at its rate until <see cref="Stop"/>.</summary>
    public Task RunAsync()
    {
        var start = DateTime.UtcNow.Ticks;
        return Task.WhenAll(
            OpenLoopAsync("chat", rates.Chat, start, SendChatAsync),
            OpenLoopAsync("like", rates.Likes, start, LikeAsync),
            OpenLoopAsync("join", rates.Joins, start, ChurnAsync),
            OpenLoopAsync("order", rates.Orders, start, OrderAsync),
            OpenLoopAsync("feed", rates.FeedReads, start, ReadFeedAsync));
    }

    public void Stop() => _stop.Cancel();

    /// <summary>Waits, up to <paramref name="timeout"/>, for every started operation to end and every expected chat delivery to arrive.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while ((Interlocked.Read(ref _inFlight) > 0 || !ledger.AllDelivered) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
    }

    private async Task OpenLoopAsync(string operation, double rate, long startTicks, Func<int, long, CancellationToken, Task> action)
    {
        var period = TimeSpan.TicksPerSecond / rate;
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var due = startTicks + (long)(n * period);
            var wait = due - DateTime.UtcNow.Ticks;
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromTicks(wait), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            Start(operation, n, due, action);
        }
    }

    private void Start(string operation, int n, long scheduledTicks, Func<int, long, CancellationToken, Task> action)
    {
        Interlocked.Increment(ref _inFlight);
        _ = RunOneAsync();

        async Task RunOneAsync()
        {
            using var timeout = new CancellationTokenSource(OperationTimeout);
            try
            {
                await action(n, scheduledTicks, timeout.Token);
            }
            catch (Exception ex)
            {
                stats.Failed(operation, Describe(ex));
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private async Task SendChatAsync(int n, long scheduledTicks, CancellationToken ct)
    {
        var room = n % shops.Count;
        var watchers = _byRoom[room];
        var sender = watchers[n / shops.Count % watchers.Length];
        ledger.Expect(n, scheduledTicks, watchers.Length);
        try
        {
            await sender.Connection.InvokeAsync<JsonElement>("SendChat", shops[room].RoomId, $"{scheduledTicks} soak {n} {new string('x', 40)}", ct);
        }
        catch
        {
            ledger.Forget(n);
            throw;
        }
    }

    private void Deliver(string text)
    {
        var parts = text.Split(' ', 4);
        if (parts.Length >= 3 && parts[1] == "soak" && long.TryParse(parts[0], out var scheduled) && int.TryParse(parts[2], out var n) && ledger.Received(n))
        {
            stats.Succeeded("chat", scheduled);
        }
    }

    private async Task LikeAsync(int n, long scheduledTicks, CancellationToken ct)
    {
        var watcher = _watchers[n % _watchers.Count];
        await watcher.Connection.InvokeAsync("Like", shops[watcher.Room].RoomId, ct);
        stats.Succeeded("like", scheduledTicks);
    }

    /// <summary>A new user connects and joins, stays for the churn lifetime, and leaves.</summary>
    private async Task ChurnAsync(int n, long scheduledTicks, CancellationToken ct)
    {
        var roomId = shops[n % shops.Count].RoomId;
        var connection = _system.Connection(_hub, BenchTokens.For($"soak-{_run}-churn-{n}"));
        try
        {
            await connection.StartAsync(ct);
            await HubSystem.JoinAsync(connection, roomId, ct);
            stats.Succeeded("join", scheduledTicks);
            var leaveAt = scheduledTicks + rates.ChurnLifetime.Ticks;
            try
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(0, leaveAt - DateTime.UtcNow.Ticks)), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (n % 2 == 0)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(OperationTimeout);
                    await connection.InvokeAsync("LeaveRoom", roomId, timeout.Token);
                    stats.Succeeded("leave", leaveAt);
                }
                catch (Exception ex)
                {
                    stats.Failed("leave", Describe(ex));
                }
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>An order with an idempotency key, then its payment through the signed webhook (timed from the order's answer).</summary>
    private async Task OrderAsync(int n, long scheduledTicks, CancellationToken ct)
    {
        var buyer = _watchers[n % _watchers.Count];
        var shop = shops[n % shops.Count];
        var (response, order) = await server.Client.SendAsync(
            HttpMethod.Post, $"/api/rooms/{shop.RoomId}/orders", buyer.Token, new { productId = shop.ProductId, quantity = 1, idempotencyKey = $"soak-{_run}-{n}" });
        Expect(response, HttpStatusCode.Created, order, "reserved");
        stats.Succeeded("order", scheduledTicks);

        var paying = DateTime.UtcNow.Ticks;
        try
        {
            var (paid, body) = await PaymentNotices.NotifyAsync(server.Client, order.GetProperty("orderId").GetString()!, $"pay-{_run}-{n}", "succeeded", ct);
            Expect(paid, HttpStatusCode.OK, body, "paid");
            stats.Succeeded("pay", paying);
        }
        catch (Exception ex)
        {
            stats.Failed("pay", Describe(ex));
        }
    }

    private async Task ReadFeedAsync(int n, long scheduledTicks, CancellationToken ct)
    {
        var missing = Missing(await FeedAsync(_watchers[n % _watchers.Count].Token));
        if (missing > 0)
        {
            throw new InvalidOperationException($"{missing} of the {shops.Count} live soak rooms missing from the feed");
        }

        stats.Succeeded("feed", scheduledTicks);
    }

    private async Task<JsonElement> FeedAsync(string token)
    {
        var (response, body) = await server.Client.SendAsync(HttpMethod.Get, "/api/feed?region=US&limit=20", token);
        Expect(response, HttpStatusCode.OK, body, status: null);
        return body;
    }

    private int Missing(JsonElement feed)
    {
        var listed = feed.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("roomId").GetString()).ToHashSet();
        return shops.Count(s => !listed.Contains(s.RoomId));
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode code, JsonElement body, string? status)
    {
        if (response.StatusCode != code)
        {
            var problem = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var c) ? c.GetString() : null;
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode} {problem}".TrimEnd());
        }

        if (status is not null && body.GetProperty("status").GetString() != status)
        {
            throw new InvalidOperationException($"status {body.GetProperty("status").GetString()}, not {status}");
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => $"no answer within {OperationTimeout.TotalSeconds:0} s",
        HubException hub when hub.Message.IndexOf("HubException: ", StringComparison.Ordinal) is var at and >= 0 => hub.Message[(at + "HubException: ".Length)..],
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await Parallel.ForEachAsync(_watchers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (w, _) => await w.Connection.DisposeAsync());
    }
}

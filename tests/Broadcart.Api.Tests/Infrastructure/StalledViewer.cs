using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Broadcart.Api.Tests.Infrastructure;

/// <summary>
/// A real SignalR JSON client written against the raw WebSocket, on a socket with a tiny receive
/// buffer, that can stop reading: the client a phone in a tunnel is to the server. It records the
/// chat <c>seq</c>s it read.
/// </summary>
public sealed class StalledViewer : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly List<long> _seqs = [];
    private readonly StringBuilder _pending = new();

    public IReadOnlyList<long> Seqs => _seqs;

    public static async Task<StalledViewer> JoinAsync(Uri baseUrl, string token, string roomId)
    {
        var viewer = new StalledViewer();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint.Host == "localhost" ? new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port) : context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        viewer._socket.Options.SetBuffer(1024, 1024);
        var uri = new UriBuilder(baseUrl) { Scheme = "ws", Path = "/hubs/live", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await viewer._socket.ConnectAsync(uri, new HttpMessageInvoker(handler), timeout.Token);
        await viewer.SendAsync("{\"protocol\":\"json\",\"version\":1}", timeout.Token);
        await viewer.ReadUntilAsync(m => m.ValueKind == JsonValueKind.Object && !m.TryGetProperty("type", out _), timeout.Token);
        await viewer.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "join", target = "JoinRoom", arguments = new[] { roomId } }), timeout.Token);
        await viewer.ReadUntilAsync(m => m.TryGetProperty("invocationId", out var id) && id.GetString() == "join", timeout.Token);
        return viewer;
    }

    /// <summary>After the server closed the connection: reads whatever reached this socket before it did.</summary>
    public async Task DrainAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await ReadUntilAsync(_ => false, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or EndOfStreamException or IOException)
        {
        }
    }

    private async Task SendAsync(string json, CancellationToken cancellationToken) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);

    private async Task ReadUntilAsync(Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new EndOfStreamException("the server closed the connection");
            }

            _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var text = _pending.ToString();
            var end = text.LastIndexOf(RecordSeparator);
            if (end < 0)
            {
                continue;
            }

            _pending.Clear().Append(text[(end + 1)..]);
            foreach (var record in text[..end].Split(RecordSeparator))
            {
                using var message = JsonDocument.Parse(record);
                Collect(message.RootElement);
                if (done(message.RootElement))
                {
                    return;
                }
            }
        }
    }

    private void Collect(JsonElement message)
    {
        if (!message.TryGetProperty("target", out var target))
        {
            return;
        }

        var payload = message.GetProperty("arguments")[0];
        switch (target.GetString())
        {
            case "chat":
                _seqs.Add(payload.GetProperty("seq").GetInt64());
                break;
            case "chatBatch":
                _seqs.AddRange(payload.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()));
                break;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

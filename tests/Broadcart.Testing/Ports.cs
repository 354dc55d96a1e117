using System.Net;
using System.Net.Sockets;

namespace Broadcart.Testing;

public static class Ports
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A loopback port that was free a moment ago, for a server to listen on. It is taken below the
    /// kernel's ephemeral range: a port from that range can be taken, before the server binds it,
    /// as the local end of some process's outgoing connection. Never the same port twice per run.
    /// </summary>
    public static int Free()
    {
        var (low, _) = EphemeralRange();
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(10_000, low);
                if (!Handed.Contains(port) && CanListen(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between 10000 and {low}");
    }

    /// <summary>Waits until a server that was just started accepts connections on a loopback port.</summary>
    public static Task WaitUntilListeningAsync(int port, string what) => Eventually.Until(async () =>
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }, open => open, $"{what} listening on {port}", TimeSpan.FromSeconds(60));

    private static bool CanListen(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0]), int.Parse(parts[1]));
        }
        catch (IOException)
        {
            return (32768, 60999);
        }
    }
}

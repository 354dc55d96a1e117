using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Broadcart.Cluster.Tests;

/// <summary>What the crash tests ask of the cluster: where a grain lives, reads through a failover, a signed payment.</summary>
internal static class ClusterProbes
{
    /// <summary>
    /// A read right after a silo died may meet grains that were on it, before the cluster has
    /// declared it dead: <c>503</c> says "try again shortly", and a client does.
    /// </summary>
    public static async Task<JsonElement> ReadAsync(this NodeClient api, string path, string token)
    {
        var (response, body) = await Eventually.Until(
            () => api.SendAsync(HttpMethod.Get, path, token),
            r => r.Response.StatusCode != HttpStatusCode.ServiceUnavailable,
            $"GET {path} to answer other than 503",
            TimeSpan.FromSeconds(30));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Activations of a grain type per silo process, read from the Orleans dashboard as an operator would.</summary>
    public static async Task<int[]> ActivationsAsync(this ProcessCluster cluster, string admin, string grainType, Func<int[], bool> done, string what)
    {
        int[] Count(JsonElement counters)
        {
            var perSilo = new int[2];
            foreach (var g in counters.GetProperty("simpleGrainStats").EnumerateArray().Where(g => DashboardProbe.HostsActivations(g, grainType)))
            {
                perSilo[cluster.Topology.SiloIndexOf(g.GetProperty("siloAddress").GetString()!)] += g.GetProperty("activationCount").GetInt32();
            }

            return perSilo;
        }

        var counters = await DashboardProbe.CountersUntilAsync(
            cluster.Api[0].Http,
            admin,
            c => c.GetProperty("totalActiveHostCount").GetInt32() == 2 && done(Count(c)),
            what);
        return Count(counters);
    }

    /// <summary>The silo whose activations of <paramref name="grainType"/> grew while <paramref name="activate"/> ran.</summary>
    public static async Task<int> SiloThatActivatesAsync(this ProcessCluster cluster, string admin, string grainType, Func<Task> activate)
    {
        var before = await cluster.ActivationsAsync(admin, grainType, _ => true, $"the {grainType} activations before");
        await activate();
        var after = await cluster.ActivationsAsync(admin, grainType, now => now[0] > before[0] || now[1] > before[1], $"the new {grainType} activation");
        return after[0] > before[0] ? 0 : 1;
    }

    /// <summary>The payment provider's signed webhook saying the payment succeeded.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PayAsync(NodeClient api, string orderId, string paymentId)
    {
        var body = JsonSerializer.Serialize(new { orderId, paymentId, status = "succeeded" });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestSecrets.WebhookSecret), Encoding.UTF8.GetBytes($"{now}.{body}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Payment-Signature", $"t={now},v1={Convert.ToHexStringLower(mac)}");
        using var response = await api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Pays through whichever answer is not "try again shortly", and expects the order paid.</summary>
    public static async Task PaySucceedsAsync(NodeClient api, string orderId)
    {
        var (paid, body) = await Eventually.Until(
            () => PayAsync(api, orderId, $"pay-{orderId}"),
            r => r.Response.StatusCode != HttpStatusCode.ServiceUnavailable,
            $"the webhook for {orderId} to answer other than 503",
            TimeSpan.FromSeconds(30));
        Assert.True(paid.IsSuccessStatusCode, $"paying {orderId}: {(int)paid.StatusCode} {body}");
        Assert.Equal("paid", body.GetProperty("status").GetString());
    }
}

using Broadcart.Testing;

namespace Broadcart.Bench;

/// <summary>Grain activations per grain type, as <c>GET /api/admin/cluster</c> reports them (type names shortened to the class).</summary>
public static class ClusterActivations
{
    public static async Task<SortedDictionary<string, int>> ReadAsync(NodeClient client)
    {
        var (response, body) = await client.SendAsync(HttpMethod.Get, "/api/admin/cluster", BenchTokens.For("bench-admin", "admin"));
        response.EnsureSuccessStatusCode();
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var grain in body.GetProperty("grains").EnumerateArray())
        {
            var name = ShortName(grain.GetProperty("grainType").GetString()!);
            byType[name] = byType.GetValueOrDefault(name) + grain.GetProperty("activations").GetInt32();
        }

        return byType;
    }

    /// <summary><c>Broadcart.Grains.Orders.OrderGrain,Broadcart.Grains</c> becomes <c>OrderGrain</c> (generic arguments and assembly dropped).</summary>
    private static string ShortName(string type)
    {
        var end = type.IndexOfAny(['[', ',', '`']);
        var name = end >= 0 ? type[..end] : type;
        return name[(name.LastIndexOf('.') + 1)..];
    }
}

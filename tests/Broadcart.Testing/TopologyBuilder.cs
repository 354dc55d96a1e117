namespace Broadcart.Testing;

/// <summary>
/// How the cluster tests and the benchmark describe the servers they start as separate processes
/// on 127.0.0.1: by default the production topology (Redis, Azurite, silos, API nodes that are
/// Orleans clients, durable state), or one API node that co-hosts its silo as
/// <c>dotnet run --project src/Api</c> runs it. Every API node has dev tokens on and the one test
/// signing key; what else differs between harnesses are settings.
/// </summary>
public sealed class TopologyBuilder(string name)
{
    private readonly List<TopologySetting> _settings = [];
    private int _silos = 1;
    private int _apiNodes = 1;
    private bool _embedded;
    private bool _persistentRedis;
    private string _logs = Path.Combine(RepoPaths.Root, ".test-run", "topology");

    public TopologyBuilder Silos(int count)
    {
        _silos = count;
        return this;
    }

    public TopologyBuilder ApiNodes(int count)
    {
        _apiNodes = count;
        return this;
    }

    /// <summary>One API node with its silo in the same process, localhost clustering, in-memory state: no Redis, no Azurite.</summary>
    public TopologyBuilder Embedded()
    {
        _embedded = true;
        _silos = 0;
        _apiNodes = 1;
        return this;
    }

    /// <summary>Redis with an append-only file, so that stopping and restarting it keeps Orleans' membership table, as a real Redis would.</summary>
    public TopologyBuilder PersistentRedis()
    {
        _persistentRedis = true;
        return this;
    }

    /// <summary>Evict a dead silo in a few seconds rather than Orleans' default tens of seconds.</summary>
    public TopologyBuilder FastFailureDetection() => Setting("Orleans__ClusterMembership__ProbeTimeout", "00:00:01")
        .Setting("Orleans__ClusterMembership__NumMissedProbesLimit", "2")
        .Setting("Orleans__ClusterMembership__NumVotesForDeathDeclaration", "1");

    /// <summary>A setting (environment variable) for every silo and API node; a later one of the same key wins, as do all over the defaults.</summary>
    public TopologyBuilder Setting(string key, string value)
    {
        _settings.Add(new(key, value, ApiOnly: false));
        return this;
    }

    public TopologyBuilder Settings(IEnumerable<KeyValuePair<string, string>> settings)
    {
        foreach (var (key, value) in settings)
        {
            Setting(key, value);
        }

        return this;
    }

    /// <summary>A setting for the API nodes only.</summary>
    public TopologyBuilder ApiSetting(string key, string value)
    {
        _settings.Add(new(key, value, ApiOnly: true));
        return this;
    }

    /// <summary>The folder under which each topology's logs (and Redis' and Azurite's data) land, in a folder named after its cluster id.</summary>
    public TopologyBuilder LogsIn(string folder)
    {
        _logs = folder;
        return this;
    }

    /// <summary>Starts every process and returns once every API node is ready.</summary>
    public async Task<Topology> StartAsync()
    {
        var clusterId = $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
        var topology = new Topology(
            new TopologySettings(clusterId, Path.Combine(_logs, clusterId), _silos, _apiNodes, _embedded, _persistentRedis, [.. _settings]));
        try
        {
            await topology.StartAsync();
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }
}

using System.Text.RegularExpressions;
using Broadcart.Api.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Broadcart.Api.Tests.Deploy;

/// <summary>Reads the files in deploy/ the way Docker and Kubernetes would.</summary>
public static partial class DeployFiles
{
    public static string PathOf(string relative) => Path.Combine(RepoPaths.Root, "deploy", relative);

    public static IReadOnlyList<YamlMappingNode> Documents(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(PathOf(relative)));
        stream.Load(new MergingParser(new Parser(reader)));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                node = next;
            }
            else if (node is YamlSequenceNode seq && int.TryParse(key, out var index) && index < seq.Children.Count)
            {
                node = seq.Children[index];
            }
            else
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    /// <summary>Dockerfile ENV and ENTRYPOINT and EXPOSE, as written.</summary>
    public static (Dictionary<string, string> Env, string EntryDll, int[] Exposed) Dockerfile(string relative)
    {
        var text = File.ReadAllText(PathOf(relative)).Replace("\\\n", " ");
        var env = new Dictionary<string, string>();
        foreach (Match line in EnvLine().Matches(text))
        {
            foreach (Match pair in Pair().Matches(line.Groups[1].Value))
            {
                env[pair.Groups[1].Value] = pair.Groups[2].Value;
            }
        }

        var entry = Entry().Match(text).Groups[1].Value;
        var exposed = Expose().Matches(text).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).ToArray();
        return (env, entry, exposed);
    }

    /// <summary>Environment variables the way .NET configuration reads them (<c>A__B</c> is <c>A:B</c>).</summary>
    public static Dictionary<string, string?> AsConfiguration(IEnumerable<KeyValuePair<string, string>> env) =>
        env.ToDictionary(kv => kv.Key.Replace("__", ":"), kv => (string?)kv.Value);

    [GeneratedRegex(@"^ENV\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex Pair();

    [GeneratedRegex(@"ENTRYPOINT\s+\[""dotnet"",\s*""([^""]+)""\]")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^EXPOSE\s+([\d ]+)$", RegexOptions.Multiline)]
    private static partial Regex Expose();
}

namespace Broadcart.Testing;

/// <summary>
/// The local Blob Storage emulator as the tests and the benchmark run it. The shell scripts have
/// their own copy of these settings in <c>deploy/local/services.sh</c>.
/// </summary>
public static class Azurite
{
    /// <summary>Azurite's well-known development account: public, the same in every Azurite.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The full form with <c>BlobEndpoint=</c>: the short "UseDevelopmentStorage" form assumes port 10000.</summary>
    public static string ConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>Azurite's blob server script: where ./test.sh says it is, or where it installs it.</summary>
    public static string MainScript
    {
        get
        {
            var main = Environment.GetEnvironmentVariable("BROADCART_TEST_AZURITE_MAIN") is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepoPaths.Root, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
            return File.Exists(main)
                ? main
                : throw new InvalidOperationException($"Azurite is not installed at {main}: run ./test.sh (it installs azurite from npm).");
        }
    }

    /// <summary>The arguments that serve blobs on loopback from a folder of the caller's.</summary>
    public static string[] Arguments(int port, string location) =>
        [MainScript, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--location", location, "--skipApiVersionCheck", "--silent"];
}

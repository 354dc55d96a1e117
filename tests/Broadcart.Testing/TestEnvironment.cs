namespace Broadcart.Testing;

/// <summary>Real services the tests need, as ./test.sh starts them; missing ones fail loudly.</summary>
public static class TestEnvironment
{
    public static string BlobConnectionString =>
        Environment.GetEnvironmentVariable("BROADCART_TEST_BLOB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "Azurite is not running for this test: run ./test.sh (it installs and starts Azurite from npm), " +
                "or start azurite-blob yourself and set BROADCART_TEST_BLOB to its full connection string.");

    public static string Redis =>
        Environment.GetEnvironmentVariable("BROADCART_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "Redis is not running for this test: run ./test.sh (it installs redis-server from Debian's packages and starts it), " +
                "or start redis-server yourself and set BROADCART_TEST_REDIS to host:port.");

    public static Uri Apertium =>
        Environment.GetEnvironmentVariable("BROADCART_TEST_APERTIUM") is { Length: > 0 } value
            ? new Uri(value)
            : throw new InvalidOperationException(
                "Apertium's APY server is not running for this test: run ./test.sh (it installs apertium-apy, apertium-eng-spa and " +
                "apertium-eng-cat from Debian's packages and starts it), or run 'apertium-apy -p 2737 /usr/share/apertium/modes' " +
                "yourself and set BROADCART_TEST_APERTIUM=http://127.0.0.1:2737.");
}

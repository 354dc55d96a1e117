namespace Broadcart.Testing;

/// <summary>
/// The secrets every test and benchmark server is started with: one signing key, so that a token
/// minted by one harness is valid on every server another harness starts, and one webhook secret.
/// </summary>
public static class TestSecrets
{
    /// <summary>At least 256 bits, as the API requires of a symmetric key.</summary>
    public const string SigningKey = "broadcart-tests-signing-key-0123456789-abcdef";

    public const string WebhookSecret = "tests-webhook-secret";
}

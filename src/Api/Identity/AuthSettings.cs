using System.Security.Cryptography;
using System.Text;

namespace Broadcart.Api.Identity;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthSettings
{
    public const int MinimumKeyBytes = 32;

    /// <summary>Turns on <c>POST /api/dev/token</c>. Only the embedded default sets it.</summary>
    public bool DevTokens { get; set; }

    /// <summary>Symmetric signing key (UTF-8, at least 256 bits). Shared by every API node.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OIDC authority instead of a symmetric key.</summary>
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "broadcart";

    public string Audience { get; set; } = "broadcart";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How far apart the issuer's clock and ours may be. The library's 5 minutes would keep an
    /// expired or revoked-by-expiry token working that long; nodes run NTP, so seconds are enough.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The key bytes to sign and validate with. Refuses to run with a weak key, or with no way to
    /// validate tokens at all unless dev tokens are on (then a key is made for this process).
    /// </summary>
    public byte[]? ResolveKey(out bool generated)
    {
        generated = false;
        if (!string.IsNullOrEmpty(SigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(SigningKey);
            if (bytes.Length < MinimumKeyBytes)
            {
                throw new InvalidOperationException(
                    $"Auth:SigningKey is {bytes.Length * 8} bits; it must be at least {MinimumKeyBytes * 8} bits.");
            }

            return bytes;
        }

        if (!string.IsNullOrEmpty(Authority))
        {
            return null;
        }

        if (!DevTokens)
        {
            throw new InvalidOperationException(
                "No way to validate tokens: set Auth:SigningKey (at least 256 bits) or Auth:Authority (an OIDC authority). " +
                "Auth:DevTokens=true is for local development only.");
        }

        generated = true;
        return RandomNumberGenerator.GetBytes(MinimumKeyBytes);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Payments;

/// <summary>
/// <c>X-Payment-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.rawBody"&gt;</c>: the
/// signature covers the exact bytes received, is compared in constant time, and is refused once
/// older (or newer) than the tolerance so that a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Payment-Signature";

    public static string Sign(string secret, long unixSeconds, string rawBody) =>
        $"t={unixSeconds},v1={Convert.ToHexStringLower(Mac(secret, unixSeconds, rawBody))}";

    public static void Verify(string? header, string rawBody, IReadOnlyList<string> secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2)
            {
                continue;
            }

            if (kv[0] == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (kv[0] == "v1" && kv[1].Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(kv[1]));
                }
                catch (FormatException)
                {
                    // Not hex: simply not a candidate.
                }
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            throw new BroadcartException(CommerceErrors.InvalidSignature, $"the {Header} header must be 't=<unix seconds>,v1=<hex HMAC-SHA256>'");
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        if (age.Duration() > tolerance)
        {
            throw new BroadcartException(CommerceErrors.InvalidSignature, $"the signature timestamp is outside the {tolerance.TotalSeconds:0} s tolerance");
        }

        // Every secret is tried, matched or not, so the time taken does not say which one signed.
        var matched = false;
        foreach (var secret in secrets)
        {
            var expected = Mac(secret, timestamp.Value, rawBody);
            foreach (var signature in signatures)
            {
                matched |= CryptographicOperations.FixedTimeEquals(signature, expected);
            }
        }

        if (!matched)
        {
            throw new BroadcartException(CommerceErrors.InvalidSignature, "the signature does not match the body");
        }
    }

    private static byte[] Mac(string secret, long unixSeconds, string rawBody) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{rawBody}"));
}

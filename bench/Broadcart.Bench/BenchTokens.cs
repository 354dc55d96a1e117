using System.Security.Claims;
using System.Text;
using Broadcart.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Broadcart.Bench;

/// <summary>
/// Tokens as Broadcart's own dev tokens are made (same issuer, audience, claims and key), minted
/// here so that thousands of distinct viewers cost no server calls before a run. Broadcart and the
/// JWT bare hub validate them the same way.
/// </summary>
public static class BenchTokens
{
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly SigningCredentials Credentials = new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestSecrets.SigningKey)), SecurityAlgorithms.HmacSha256);

    public static string For(string userId, string role = "viewer", string region = "US") => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "broadcart",
        Audience = "broadcart",
        Expires = DateTime.UtcNow.AddHours(6),
        SigningCredentials = Credentials,
        Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", userId), new Claim("region", region), new Claim("role", role)]),
    });

    public static string[] Viewers(string prefix, int count) =>
        [.. Enumerable.Range(0, count).AsParallel().AsOrdered().Select(i => For($"{prefix}-{i}"))];
}

using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Broadcart.Api.Identity;

/// <summary>Signs development tokens with the same key the API validates with.</summary>
public sealed class DevTokenIssuer(AuthSettings settings, SigningKeyHolder key, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(string userId, string name, IReadOnlyCollection<string> roles, string region)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.DevTokenLifetime,
            SigningCredentials = new SigningCredentials(key.Key ?? throw new InvalidOperationException("no symmetric key"), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
                [
                    new Claim(ClaimNames.Subject, userId),
                    new Claim(ClaimNames.Name, name),
                    new Claim(ClaimNames.Region, region),
                    .. roles.Select(r => new Claim(ClaimNames.Role, r)),
                ]),
        };
        return _handler.CreateToken(descriptor);
    }
}

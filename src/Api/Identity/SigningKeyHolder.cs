using Microsoft.IdentityModel.Tokens;

namespace Broadcart.Api.Identity;

/// <summary>The symmetric key resolved once at start, or null when an OIDC authority validates tokens.</summary>
public sealed record SigningKeyHolder(SymmetricSecurityKey? Key, bool Generated);

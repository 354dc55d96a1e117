using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Live;

/// <summary>
/// A viewer's region for targeting: the token's <c>region</c> claim, unless the deployment names a
/// trusted edge header (<c>Geo:TrustedHeader</c>, e.g. <c>CF-IPCountry</c>) set by its CDN.
/// </summary>
public sealed class ViewerRegion(IConfiguration configuration)
{
    private readonly string? _header = configuration["Geo:TrustedHeader"];

    public string Resolve(HttpContext? http, ClaimsPrincipal user)
    {
        if (_header is not null && http?.Request.Headers[_header].ToString().ToUpperInvariant() is { } edge && Regions.IsValid(edge))
        {
            return edge;
        }

        return user.ClaimedRegion();
    }
}

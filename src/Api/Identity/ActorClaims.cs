using System.Security.Claims;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Identity;

public static class ActorClaims
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.Subject)
        ?? throw new BroadcartException(ErrorCodes.Unauthorized, "the token has no 'sub' claim");

    public static Actor ToActor(this ClaimsPrincipal user, string region) => new(
        user.UserId(),
        user.FindFirstValue(ClaimNames.Name) ?? user.UserId(),
        region,
        user.IsInRole(Roles.Moderator),
        user.IsInRole(Roles.Admin),
        Broadcart.Grains.Translation.ChatLanguage.Primary(user.FindFirstValue(ClaimNames.Language)));

    /// <summary>The region claim, or <c>ZZ</c> ("unknown") when the token has none.</summary>
    public static string ClaimedRegion(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.Region) is { } r && Regions.IsValid(r) ? r : "ZZ";
}

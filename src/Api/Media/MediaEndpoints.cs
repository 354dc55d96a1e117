using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;

using Broadcart.Api.Creators;

namespace Broadcart.Api.Media;

public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/media/uploads", async (MediaUploadRequest request, ClaimsPrincipal user, MediaStore media, VerificationUploads verification) =>
            {
                if (request.What == "verification")
                {
                    if (!user.IsInRole(Roles.Streamer))
                    {
                        throw new BroadcartException(ErrorCodes.Forbidden, "verification documents are for creators (the streamer role)");
                    }

                    return TypedResults.Ok(await verification.CreateUploadAsync(user.UserId(), request));
                }

                var allowed = request.What == "roomCover"
                    ? user.IsInRole(Roles.Streamer) || user.IsInRole(Roles.Admin)
                    : user.IsInRole(Roles.Merchant) || user.IsInRole(Roles.Admin);
                if (!allowed)
                {
                    throw new BroadcartException(ErrorCodes.Forbidden, "product images are for merchants, room covers for streamers");
                }

                return TypedResults.Ok(await media.CreateUploadAsync(user.UserId(), request));
            })
            .RequireAuthorization()
            .WithTags("Media")
            .WithSummary("A short-lived SAS URL to upload a product image or room cover to (image types, at most 5 MB)");
        return app;
    }
}

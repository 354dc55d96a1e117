using System.Security.Claims;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;
using Broadcart.Grains.Creators;

namespace Broadcart.Api.Creators;

public static class VerificationEndpoints
{
    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/creators/me/verification", async (VerificationRequest body, ClaimsPrincipal user, IGrainFactory grains, VerificationUploads uploads) =>
            {
                var creatorId = user.UserId();
                await uploads.VerifyAsync(creatorId, body.DocumentMediaId, "documentMediaId");
                await uploads.VerifyAsync(creatorId, body.SelfieMediaId, "selfieMediaId");
                var creator = grains.GetGrain<ICreatorGrain>(creatorId);
                await creator.Register(user.ToActor(user.ClaimedRegion()).Name, user.ClaimedRegion());
                var profile = await creator.SubmitVerification(new VerificationSubmission(
                    body.LegalName?.Trim() ?? string.Empty, body.Country?.Trim().ToUpperInvariant() ?? string.Empty, body.DocumentMediaId!, body.SelfieMediaId!));
                return TypedResults.Accepted("/api/creators/me", new VerificationAccepted(profile.Verification.ToString().ToLowerInvariant()));
            })
            .RequireAuthorization(Policies.Streamer)
            .WithTags("Creators")
            .WithSummary("Submit identity documents (uploaded with purpose 'verification') for review");

        var admin = app.MapGroup("/api/admin/verifications").RequireAuthorization(Policies.Admin).WithTags("Admin");

        admin.MapGet("/", async (string? status, IGrainFactory grains, VerificationUploads uploads, TimeProvider time) =>
            {
                var wanted = ParseStatus(status);
                var cases = await grains.GetGrain<IVerificationQueueGrain>(IVerificationQueueGrain.Key).List(wanted);
                var now = time.GetUtcNow();
                return TypedResults.Ok(new VerificationQueueView(wanted, [.. cases.Select(c => VerificationCaseView.From(c, uploads, now))]));
            })
            .WithSummary("The review queue (status=pending, the default) or the decisions' audit (verified, rejected), with short-lived read links");

        admin.MapPost("/{creatorId}", async (string creatorId, VerificationDecisionRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            {
                var approve = body.Decision switch
                {
                    "approve" => true,
                    "reject" => false,
                    _ => throw new BroadcartException(ErrorCodes.ValidationFailed, "decision must be 'approve' or 'reject'"),
                };
                return TypedResults.Ok(await CreatorEndpoints.Creator(grains, creatorId).DecideVerification(user.ToActor(user.ClaimedRegion()), approve, body.Reason));
            })
            .WithSummary("Approve or reject a creator's verification (a rejection needs a reason)");

        return app;
    }

    private static VerificationStatus ParseStatus(string? status) => status switch
    {
        null or "" or "pending" => VerificationStatus.Pending,
        "verified" => VerificationStatus.Verified,
        "rejected" => VerificationStatus.Rejected,
        _ => throw new BroadcartException(ErrorCodes.ValidationFailed, "status must be 'pending', 'verified' or 'rejected'"),
    };
}

using System.Net;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Creators;

/// <summary>Identity verification against the real Blob Storage (Azurite): private uploads, review, audit, retention.</summary>
public sealed class VerificationTests
{
    private static Task<ApiNode> NodeAsync() => CreatorSetup.NodeAsync();

    private static Task<string> UploadAsync(ApiNode node, string token, byte[] bytes) => CreatorSetup.UploadAsync(node, token, bytes);

    private static byte[] Passport => CreatorSetup.Passport;

    private static byte[] Selfie => CreatorSetup.Selfie;

    [Fact]
    public async Task A_creator_submits_private_documents_an_admin_reviews_them_through_short_links_and_they_are_deleted_after_retention()
    {
        await using var node = await NodeAsync();
        var creator = await node.TokenAsync("verifying-vi", "streamer", "HK", "Vi");
        var admin = await node.TokenAsync("desk-admin", "admin");
        var viewer = await node.TokenAsync("nosy-viewer");
        var document = await UploadAsync(node, creator, Passport);
        var selfie = await UploadAsync(node, creator, Selfie);

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/media/uploads", viewer, new { purpose = "verification", contentType = "image/png", length = 10 }), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/creators/me/verification", creator, new { legalName = "Vi Tran", country = "HK", documentMediaId = document, selfieMediaId = "not-uploaded.png" }), 400, "validation_failed");
        var other = await node.TokenAsync("copycat", "streamer");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/creators/me/verification", other, new { legalName = "Copy Cat", country = "US", documentMediaId = document, selfieMediaId = selfie }), 400, "validation_failed");

        var (accepted, body) = await node.SendAsync(HttpMethod.Post, "/api/creators/me/verification", creator, new { legalName = "Vi Tran", country = "HK", documentMediaId = document, selfieMediaId = selfie });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("pending", (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/me", creator))).GetProperty("verification").GetString());

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/admin/verifications", viewer), 403, "forbidden");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Get, "/api/admin/verifications", creator), 403, "forbidden");
        var queue = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/admin/verifications?status=pending", admin));
        var entry = Assert.Single(queue.GetProperty("verifications").EnumerateArray());
        Assert.Equal("verifying-vi", entry.GetProperty("creatorId").GetString());
        Assert.Equal("Vi Tran", entry.GetProperty("legalName").GetString());
        var links = entry.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!, d => d.GetProperty("readUrl").GetString()!);
        using var blobs = new HttpClient();
        Assert.Equal(Passport, await blobs.GetByteArrayAsync(links["document"]));
        Assert.Equal(Selfie, await blobs.GetByteArrayAsync(links["selfie"]));

        // Without the signature the document is not readable: the container is private.
        var bare = new Uri(links["document"]).GetLeftPart(UriPartial.Path);
        Assert.False((await blobs.GetAsync(bare)).IsSuccessStatusCode);

        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/admin/verifications/verifying-vi", admin, new { decision = "reject" }), 400, "validation_failed");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/admin/verifications/verifying-vi", admin, new { decision = "maybe" }), 400, "validation_failed");
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/admin/verifications/verifying-vi", creator, new { decision = "approve" }), 403, "forbidden");
        var decided = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/admin/verifications/verifying-vi", admin, new { decision = "approve" }));
        Assert.Equal("verified", decided.GetProperty("verification").GetString());
        Assert.Equal(decided.ToString(), (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/admin/verifications/verifying-vi", admin, new { decision = "approve" }))).ToString());
        await HttpAssert.Problem(node.SendAsync(HttpMethod.Post, "/api/admin/verifications/verifying-vi", admin, new { decision = "reject", reason = "changed my mind" }), 400, "validation_failed");

        Assert.Empty((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/admin/verifications", admin))).GetProperty("verifications").EnumerateArray());
        var audit = Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/admin/verifications?status=verified", admin))).GetProperty("verifications").EnumerateArray());
        Assert.Equal("desk-admin", audit.GetProperty("decidedBy").GetString());
        Assert.True(audit.GetProperty("decidedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));

        // After the retention (two seconds here) the documents are gone, and the audit entry stays.
        await Eventually.Until(async () => (await blobs.GetAsync(links["document"])).StatusCode, s => s == HttpStatusCode.NotFound, "the document's deletion");
        // The two documents are deleted one after the other, not at once.
        await Eventually.Until(async () => (await blobs.GetAsync(links["selfie"])).StatusCode, s => s == HttpStatusCode.NotFound, "the selfie's deletion");
        var kept = Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/admin/verifications?status=verified", admin))).GetProperty("verifications").EnumerateArray());
        Assert.All(kept.GetProperty("documents").EnumerateArray(), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("readUrl").ValueKind));
    }

    [Fact]
    public async Task A_rejection_says_why_and_the_creator_may_submit_again()
    {
        await using var node = await NodeAsync();
        var creator = await node.TokenAsync("retrying-ra", "streamer");
        var admin = await node.TokenAsync("desk-admin-2", "admin");
        var submission = new { legalName = "Ra Lee", country = "US", documentMediaId = await UploadAsync(node, creator, Passport), selfieMediaId = await UploadAsync(node, creator, Selfie) };
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/creators/me/verification", creator, submission));

        var rejected = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/admin/verifications/retrying-ra", admin, new { decision = "reject", reason = "the passport photo is blurred" }));
        Assert.Equal("rejected", rejected.GetProperty("verification").GetString());
        var audit = Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/admin/verifications?status=rejected", admin))).GetProperty("verifications").EnumerateArray());
        Assert.Equal("the passport photo is blurred", audit.GetProperty("reason").GetString());

        var again = new { submission.legalName, submission.country, documentMediaId = await UploadAsync(node, creator, Passport), selfieMediaId = await UploadAsync(node, creator, Selfie) };
        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/creators/me/verification", creator, again));
        Assert.Single((await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/admin/verifications", admin))).GetProperty("verifications").EnumerateArray());
        Assert.Equal("pending", (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, "/api/creators/retrying-ra", admin))).GetProperty("verification").GetString());
    }
}

using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Client.Rest;

namespace Broadcart.Api.Tests.Creators;

/// <summary>Creators made through the public API: private uploads, verification, followers.</summary>
public static class CreatorSetup
{
    public static readonly byte[] Passport = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    public static readonly byte[] Selfie = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 4, 5, 6];

    /// <summary>An embedded node with Blob Storage (Azurite) for the documents, kept two seconds after a decision.</summary>
    public static Task<ApiNode> NodeAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Blob:ConnectionString"] = TestEnvironment.BlobConnectionString,
            ["Verification:Container"] = "verification-" + Guid.NewGuid().ToString("N")[..8],
            ["Verification:Retention"] = "00:00:02",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return EmbeddedNode.StartAsync(settings);
    }

    /// <summary>Uploads a document through its write-only link (the .NET client's upload) and returns its media id.</summary>
    public static async Task<string> UploadAsync(NodeClient node, string token, byte[] bytes)
    {
        var upload = await node.Api(token).UploadAsync("verification", "image/png", bytes);
        Assert.Null(upload.Url);

        // The upload link writes; it does not read.
        using var blobs = new HttpClient();
        Assert.False((await blobs.GetAsync(upload.UploadUrl)).IsSuccessStatusCode);
        return upload.MediaId!;
    }

    /// <summary>A streamer who has submitted documents and been approved by an admin; returns their token.</summary>
    public static async Task<string> VerifiedCreatorAsync(NodeClient node, string userId, string region, string? name = null)
    {
        var token = await node.TokenAsync(userId, "streamer", region, name);
        await node.Api(token).SubmitVerificationAsync(
            new VerificationSubmission(name ?? userId, region, await UploadAsync(node, token, Passport), await UploadAsync(node, token, Selfie)));
        await node.Api(await node.TokenAsync("setup-admin", "admin")).ApproveVerificationAsync(userId);
        return token;
    }

    /// <summary>Gives the creator <paramref name="count"/> distinct followers, <paramref name="prefix"/>-0 onwards.</summary>
    public static async Task FollowAsync(ApiNode node, string creatorId, int count, string prefix)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/creators/{creatorId}/follow", node.MintToken($"{prefix}-{i}"))));
    }
}

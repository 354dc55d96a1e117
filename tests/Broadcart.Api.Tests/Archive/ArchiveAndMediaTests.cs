using System.Net;
using System.Net.Http.Headers;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Api.Tests.Archive;

[Collection(LiveClusterCollection.Name)]
public sealed class ArchiveAndMediaTests(LiveCluster cluster)
{
    [Fact]
    public async Task Chat_is_archived_and_exported_as_CSV_across_deactivation_with_deletions_marked()
    {
        var (roomId, streamerToken) = await cluster.NodeA.LiveRoomAsync();
        var streamer = await cluster.NodeA.ConnectAsync(streamerToken);
        await streamer.JoinAsync(roomId);
        var viewerToken = cluster.NodeB.MintToken("archived-viewer", name: "Ann, \"the\" buyer");
        var viewer = await cluster.NodeB.ConnectAsync(viewerToken);
        await viewer.JoinAsync(roomId);

        await viewer.SendChatAsync(roomId, "hello, world");
        var regret = (await viewer.SendChatAsync(roomId, "=HYPERLINK(\"evil\")")).GetProperty("messageId").GetString()!;
        await streamer.Connection.InvokeAsync("DeleteChat", roomId, regret);

        await cluster.DeactivateAllAsync();
        var again = await cluster.NodeA.ConnectAsync(cluster.NodeA.MintToken("after-deactivation"));
        await again.JoinAsync(roomId);
        await again.SendChatAsync(roomId, "after the room slept");
        await cluster.DeactivateAllAsync();

        var response = await cluster.NodeA.Http.SendAsync(cluster.NodeA.Request(HttpMethod.Get, $"/api/rooms/{roomId}/chat/export", streamerToken));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,sentAt,messageId,userId,name,text,deleted", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.EndsWith(",archived-viewer,\"Ann, \"\"the\"\" buyer\",\"hello, world\",false", lines[1]);
        Assert.Contains($",{regret},", lines[2]);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"evil\"\")\",true", lines[2]);
        Assert.EndsWith(",after the room slept,false", lines[3]);
        Assert.StartsWith("1,", lines[1]);

        var (forbidden, problem) = await cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}/chat/export", viewerToken);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());
        var moderator = await cluster.NodeA.Http.SendAsync(cluster.NodeA.Request(HttpMethod.Get, $"/api/rooms/{roomId}/chat/export", cluster.NodeA.MintToken("a-moderator", "moderator")));
        Assert.Equal(HttpStatusCode.OK, moderator.StatusCode);
    }

    [Fact]
    public async Task A_merchant_uploads_a_product_image_with_a_SAS_URL_and_the_product_references_it()
    {
        var node = cluster.NodeA;
        var merchant = node.MintToken("uploading-merchant", "merchant");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 };
        var upload = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/media/uploads", merchant, new { kind = "productImage", contentType = "image/png", length = png.Length }));
        var uploadUrl = upload.GetProperty("uploadUrl").GetString()!;
        var url = upload.GetProperty("url").GetString()!;
        Assert.Contains("sig=", uploadUrl);
        Assert.DoesNotContain("sig=", url);

        using var blobs = new HttpClient();
        var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(png) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Created, (await blobs.SendAsync(put)).StatusCode);
        Assert.Equal(png, await blobs.GetByteArrayAsync(url));

        var product = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/products", merchant, new
        {
            title = "Pictured", stock = 1, imageUrl = url,
            prices = new[] { new { region = "US", currency = "USD", amountMinor = 100L } }, shipsTo = new[] { "US" },
        }));
        Assert.Equal(url, product.GetProperty("imageUrl").GetString());

        var (missing, problem) = await node.SendAsync(HttpMethod.Post, "/api/products", merchant, new
        {
            title = "Not uploaded", stock = 1, imageUrl = url.Replace(".png", "-missing.png"),
            prices = new[] { new { region = "US", currency = "USD", amountMinor = 100L } }, shipsTo = new[] { "US" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("imageUrl", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Uploads_are_images_of_at_most_five_megabytes_for_the_right_roles()
    {
        var node = cluster.NodeA;
        var merchant = node.MintToken("limited-merchant", "merchant");
        foreach (var body in new object[]
        {
            new { kind = "productImage", contentType = "text/html", length = 100 },
            new { kind = "productImage", contentType = "image/png", length = 5 * 1024 * 1024 + 1 },
            new { kind = "productImage", contentType = "image/png", length = 0 },
            new { kind = "video", contentType = "image/png", length = 100 },
        })
        {
            var (response, problem) = await node.SendAsync(HttpMethod.Post, "/api/media/uploads", merchant, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        }

        var (viewer, forbidden) = await node.SendAsync(HttpMethod.Post, "/api/media/uploads", node.MintToken("not-a-merchant"), new { kind = "productImage", contentType = "image/png", length = 10 });
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal("forbidden", forbidden.GetProperty("code").GetString());
        var (cover, _) = await node.SendAsync(HttpMethod.Post, "/api/media/uploads", node.MintToken("a-streamer", "streamer"), new { kind = "roomCover", contentType = "image/jpeg", length = 10 });
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
    }
}

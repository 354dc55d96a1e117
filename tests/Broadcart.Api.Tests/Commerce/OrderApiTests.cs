using System.Net;
using System.Text;
using System.Text.Json;
using Broadcart.Api.Payments;
using Microsoft.AspNetCore.SignalR.Client;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Commerce;

[Collection(LiveClusterCollection.Name)]
public sealed class OrderApiTests(LiveCluster cluster)
{
    private static void AssertProblem(HttpResponseMessage response, JsonElement body, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    private Task<(HttpResponseMessage Response, JsonElement Body)> OrderAsync(Shop shop, string token, string key, int quantity = 1) =>
        cluster.NodeA.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/orders", token, new { productId = shop.ProductId, quantity, idempotencyKey = key });

    private async Task<int> StockAsync(Shop shop) =>
        (await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/products/{shop.ProductId}", shop.MerchantToken))).GetProperty("stock").GetInt32();

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_same_order_and_other_parameters_are_refused()
    {
        var shop = await cluster.NodeA.ShopAsync(stock: 10);
        var buyer = cluster.NodeA.MintToken("retrying-buyer", region: "DE");
        var (first, order) = await OrderAsync(shop, buyer, "attempt-1", quantity: 2);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("reserved", order.GetProperty("status").GetString());
        Assert.Equal("EUR", order.GetProperty("total").GetProperty("currency").GetString());
        Assert.Equal(4600, order.GetProperty("total").GetProperty("amountMinor").GetInt64());
        Assert.Equal($"/api/orders/{order.GetProperty("orderId").GetString()}", first.Headers.Location?.ToString());

        var (replay, same) = await OrderAsync(shop, buyer, "attempt-1", quantity: 2);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(order.GetProperty("orderId").GetString(), same.GetProperty("orderId").GetString());
        Assert.Equal(8, await StockAsync(shop));

        var (mismatch, problem) = await OrderAsync(shop, buyer, "attempt-1", quantity: 3);
        AssertProblem(mismatch, problem, HttpStatusCode.Conflict, "idempotency_mismatch");
        Assert.Equal(8, await StockAsync(shop));

        var (stranger, forbidden) = await cluster.NodeB.SendAsync(HttpMethod.Get, $"/api/orders/{order.GetProperty("orderId").GetString()}", cluster.NodeB.MintToken("nosy"));
        AssertProblem(stranger, forbidden, HttpStatusCode.Forbidden, "forbidden");
        var (merchant, _) = await cluster.NodeB.SendAsync(HttpMethod.Get, $"/api/orders/{order.GetProperty("orderId").GetString()}", shop.MerchantToken);
        Assert.Equal(HttpStatusCode.OK, merchant.StatusCode);
    }

    [Fact]
    public async Task Orders_from_a_region_the_product_does_not_ship_to_are_refused_and_change_nothing()
    {
        var shop = await cluster.NodeA.ShopAsync(stock: 10);
        var (response, problem) = await OrderAsync(shop, cluster.NodeA.MintToken("shanghai-buyer", region: "CN"), "k1");
        AssertProblem(response, problem, HttpStatusCode.UnprocessableEntity, "not_available_in_region");
        Assert.Equal(10, await StockAsync(shop));

        var (bad, validation) = await OrderAsync(shop, cluster.NodeA.MintToken("b"), "has spaces");
        AssertProblem(bad, validation, HttpStatusCode.BadRequest, "validation_failed");
        (bad, validation) = await OrderAsync(shop, cluster.NodeA.MintToken("b"), "k2", quantity: 0);
        AssertProblem(bad, validation, HttpStatusCode.BadRequest, "validation_failed");
        (bad, validation) = await OrderAsync(shop, cluster.NodeA.MintToken("b"), "k3", quantity: 11);
        AssertProblem(bad, validation, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(10, await StockAsync(shop));
    }

    [Fact]
    public async Task A_refusal_has_the_same_code_and_sentence_over_HTTP_and_the_hub()
    {
        var shop = await cluster.NodeA.ShopAsync(stock: 10);
        var buyer = cluster.NodeA.MintToken("hub-and-http-buyer", region: "CN");
        var (response, problem) = await OrderAsync(shop, buyer, "over-http");
        AssertProblem(response, problem, HttpStatusCode.UnprocessableEntity, "not_available_in_region");

        await using var viewer = await cluster.NodeA.ConnectAsync(buyer);
        var coded = await HubAssert.Refused("not_available_in_region",
            () => viewer.Connection.InvokeAsync<JsonElement>("Purchase", shop.RoomId, shop.ProductId, 1, "over-the-hub"));
        Assert.Equal($"not_available_in_region: {problem.GetProperty("detail").GetString()}", coded);
        Assert.Equal(10, await StockAsync(shop));
    }

    [Fact]
    public async Task Viewers_in_different_regions_see_the_pinned_product_at_their_own_price()
    {
        var shop = await cluster.NodeA.ShopAsync(stock: 10, ProductPlacement.Showcase);
        var us = await cluster.NodeA.ConnectAsync(cluster.NodeA.MintToken("us-viewer", region: "US"));
        var de = await cluster.NodeB.ConnectAsync(cluster.NodeB.MintToken("de-viewer", region: "DE"));
        var cn = await cluster.NodeB.ConnectAsync(cluster.NodeB.MintToken("cn-viewer", region: "CN"));
        foreach (var viewer in new[] { us, de, cn })
        {
            await viewer.JoinAsync(shop.RoomId);
        }

        await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/pin", shop.StreamerToken, new { productId = shop.ProductId }));

        static JsonElement Pinned(Viewer v) => v.EventsNamed("productPinned").Last().GetProperty("product");
        await us.WaitUntil(v => v.EventsNamed("productPinned").Any(), "productPinned in the US");
        await de.WaitUntil(v => v.EventsNamed("productPinned").Any(), "productPinned in Germany");
        await cn.WaitUntil(v => v.EventsNamed("productPinned").Any(), "productPinned in China");
        Assert.Equal(("USD", 2500L), (Pinned(us).GetProperty("price").GetProperty("currency").GetString(), Pinned(us).GetProperty("price").GetProperty("amountMinor").GetInt64()));
        Assert.Equal(("EUR", 2300L), (Pinned(de).GetProperty("price").GetProperty("currency").GetString(), Pinned(de).GetProperty("price").GetProperty("amountMinor").GetInt64()));
        Assert.False(Pinned(cn).GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Pinned(cn).GetProperty("price").ValueKind);
        Assert.Single(us.EventsNamed("productPinned"));
        Assert.Single(de.EventsNamed("productPinned"));

        var late = await cluster.NodeA.ConnectAsync(cluster.NodeA.MintToken("jp-viewer", region: "JP"));
        var joined = await late.JoinAsync(shop.RoomId);
        Assert.Equal("JPY", joined.GetProperty("pinned").GetProperty("price").GetProperty("currency").GetString());
        Assert.Equal(3800, joined.GetProperty("pinned").GetProperty("price").GetProperty("amountMinor").GetInt64());
    }

    [Fact]
    public async Task The_payment_webhook_accepts_only_fresh_valid_signatures_and_applies_a_payment_once()
    {
        var shop = await cluster.NodeA.ShopAsync(stock: 5);
        var buyer = cluster.NodeA.MintToken("paying-buyer");
        var orderId = (await HttpAssert.Ok(OrderAsync(shop, buyer, "pay-me"))).GetProperty("orderId").GetString()!;
        var body = JsonSerializer.Serialize(new { orderId, paymentId = "pay_123", status = "succeeded" });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        async Task<(HttpResponseMessage, JsonElement)> Post(string json, string? signature)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (signature is not null)
            {
                request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
            }

            var response = await cluster.NodeB.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response, JsonDocument.Parse(text).RootElement.Clone());
        }

        async Task<string> Status() => (await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", buyer))).GetProperty("status").GetString()!;

        var (r, b) = await Post(body, null);
        AssertProblem(r, b, HttpStatusCode.Unauthorized, "invalid_signature");
        (r, b) = await Post(body, WebhookSignature.Sign("the-wrong-secret", now, body));
        AssertProblem(r, b, HttpStatusCode.Unauthorized, "invalid_signature");
        (r, b) = await Post(body.Replace("succeeded", "failed"), WebhookSignature.Sign(TestSecrets.WebhookSecret, now, body));
        AssertProblem(r, b, HttpStatusCode.Unauthorized, "invalid_signature");
        (r, b) = await Post(body, WebhookSignature.Sign(TestSecrets.WebhookSecret, now - 600, body));
        AssertProblem(r, b, HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Contains("tolerance", b.GetProperty("detail").GetString());
        Assert.Equal("reserved", await Status());

        (r, b) = await Post(body, WebhookSignature.Sign(TestSecrets.WebhookSecret, now, body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("paid", b.GetProperty("status").GetString());
        var paidAt = b.GetProperty("paidAt").GetDateTimeOffset();

        (r, b) = await Post(body, WebhookSignature.Sign(TestSecrets.WebhookSecret, now, body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(paidAt, b.GetProperty("paidAt").GetDateTimeOffset());
        Assert.Equal("pay_123", b.GetProperty("paymentId").GetString());

        var unknown = JsonSerializer.Serialize(new { orderId = "o-no-such-order", paymentId = "pay_9", status = "succeeded" });
        (r, b) = await Post(unknown, WebhookSignature.Sign(TestSecrets.WebhookSecret, now, unknown));
        AssertProblem(r, b, HttpStatusCode.NotFound, "not_found");
        var garbage = "{\"orderId\": 5}";
        (r, b) = await Post(garbage, WebhookSignature.Sign(TestSecrets.WebhookSecret, now, garbage));
        AssertProblem(r, b, HttpStatusCode.BadRequest, "validation_failed");

        var product = await HttpAssert.Ok(cluster.NodeA.SendAsync(HttpMethod.Get, $"/api/products/{shop.ProductId}", shop.MerchantToken));
        Assert.Equal(4, product.GetProperty("stock").GetInt32());
    }

    [Fact]
    public async Task Products_are_validated_field_by_field()
    {
        var node = cluster.NodeA;
        var merchant = node.MintToken("validating-merchant", "merchant");
        object Product(object prices, int stock = 5, object? shipsTo = null) =>
            new { title = "Tea", stock, prices, shipsTo = shipsTo ?? new[] { "US" } };

        var cases = new (object Body, string Field)[]
        {
            (Product(new[] { new { region = "US", currency = "usd", amountMinor = 100 } }), "currency"),
            (Product(new[] { new { region = "US", currency = "XYZ", amountMinor = 100 } }), "currency"),
            (Product(new[] { new { region = "US", currency = "USD", amountMinor = -1 } }), "amountMinor"),
            (Product(new[] { new { region = "U", currency = "USD", amountMinor = 100 } }), "region"),
            (Product(new[] { new { region = "US", currency = "USD", amountMinor = 100 } }, stock: -1), "stock"),
            (Product(new[] { new { region = "US", currency = "USD", amountMinor = 100 } }, shipsTo: new[] { "ZZ" }), "shipsTo"),
            (Product(Array.Empty<object>()), "prices"),
            (new { title = "", stock = 1, prices = new[] { new { region = "US", currency = "USD", amountMinor = 1 } }, shipsTo = new[] { "US" } }, "title"),
        };
        foreach (var (body, field) in cases)
        {
            var (response, problem) = await node.SendAsync(HttpMethod.Post, "/api/products", merchant, body);
            AssertProblem(response, problem, HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains(field, problem.GetProperty("detail").GetString());
        }

        var fractional = node.Request(HttpMethod.Post, "/api/products", merchant);
        fractional.Content = new StringContent("{\"title\":\"Tea\",\"stock\":1,\"prices\":[{\"region\":\"US\",\"currency\":\"USD\",\"amountMinor\":19.99}],\"shipsTo\":[\"US\"]}", Encoding.UTF8, "application/json");
        var fractionalResponse = await node.Http.SendAsync(fractional);
        Assert.Equal(HttpStatusCode.BadRequest, fractionalResponse.StatusCode);
        Assert.Contains("amountMinor", await fractionalResponse.Content.ReadAsStringAsync());

        var (viewer, forbidden) = await node.SendAsync(HttpMethod.Post, "/api/products", node.MintToken("just-looking"),
            Product(new[] { new { region = "US", currency = "USD", amountMinor = 100 } }));
        AssertProblem(viewer, forbidden, HttpStatusCode.Forbidden, "forbidden");
    }
}

using System.Net;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Commerce;

/// <summary>The payment webhook over a payment's life: retries, refunds, and a secret rotation.</summary>
public sealed class PaymentLifecycleTests
{
    private const string OldSecret = "the-secret-being-rotated-out-0123456789";

    private static async Task<string> OrderAsync(ApiNode node, Shop shop, string buyer, string key) =>
        (await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/orders", buyer, new { productId = shop.ProductId, quantity = 1, idempotencyKey = key })))
            .GetProperty("orderId").GetString()!;

    private static async Task<int> StockAsync(ApiNode node, Shop shop) =>
        (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/products/{shop.ProductId}", shop.MerchantToken))).GetProperty("stock").GetInt32();

    private static async Task<string> StatusAsync(ApiNode node, string orderId, string token) =>
        (await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", token))).GetProperty("status").GetString()!;

    [Fact]
    public async Task A_failed_payment_then_a_successful_one_with_another_id_pays_the_order_also_from_a_flash_sale()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var shop = await node.ShopAsync(stock: 10);
        var buyer = node.MintToken("second-try-buyer");
        var orderId = await OrderAsync(node, shop, buyer, "k1");

        Assert.Equal("reserved", (await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_declined", "failed"))).GetProperty("status").GetString());
        var paid = await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_ok", "succeeded"));
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal("pay_ok", paid.GetProperty("paymentId").GetString());
        Assert.Equal("paid", (await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_declined", "failed"))).GetProperty("status").GetString());

        await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/flash-sales", shop.StreamerToken,
            new { productId = shop.ProductId, quantity = 3, perUserLimit = 1, durationSeconds = 600 }));
        var saleBuyer = node.MintToken("sale-second-try-buyer");
        var saleOrder = await OrderAsync(node, shop, saleBuyer, "k1");
        await HttpAssert.Ok(node.NotifyAsync(saleOrder, "pay_sale_declined", "failed"));
        Assert.Equal("paid", (await HttpAssert.Ok(node.NotifyAsync(saleOrder, "pay_sale_ok", "succeeded"))).GetProperty("status").GetString());
        Assert.Equal("paid", await StatusAsync(node, saleOrder, saleBuyer));
    }

    [Fact]
    public async Task A_refund_is_applied_once_and_returns_the_units_where_the_product_allows_it()
    {
        await using var node = await EmbeddedNode.StartAsync();
        var shop = await node.ShopAsync(stock: 10);
        var buyer = node.MintToken("refunded-buyer");
        var orderId = await OrderAsync(node, shop, buyer, "k1");
        await HttpAssert.Problem(node.NotifyAsync(orderId, "pay_1", "refunded"), 409, "not_paid");
        await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_1", "succeeded"));
        Assert.Equal(9, await StockAsync(node, shop));

        await HttpAssert.Problem(node.NotifyAsync(orderId, "pay_other", "refunded"), 409, "not_paid");
        var refunded = await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_1", "refunded"));
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
        Assert.Equal(10, await StockAsync(node, shop));
        await HttpAssert.Ok(node.NotifyAsync(orderId, "pay_1", "refunded"));
        Assert.Equal(10, await StockAsync(node, shop));
        Assert.Equal("refunded", await StatusAsync(node, orderId, buyer));
        await HttpAssert.Problem(node.NotifyAsync("o-no-such-order", "pay_1", "refunded"), 404, "not_found");

        // Perishable: refunded, but its units do not go back on sale.
        var merchant = await node.TokenAsync("fresh-fish-merchant", "merchant");
        var product = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/products", merchant, new
        {
            title = "Fresh fish", stock = 5, restockOnRefund = false,
            prices = new[] { new { region = "US", currency = "USD", amountMinor = 900L } }, shipsTo = new[] { "US" },
        }));
        Assert.False(product.GetProperty("restockOnRefund").GetBoolean());
        var room = await node.LiveRoomAsync();
        await node.PlaceAsync(room, product.GetProperty("id").GetString()!, ProductPlacement.Pinned);
        var fishShop = new Shop(room.RoomId, product.GetProperty("id").GetString()!, room.StreamerToken, merchant);
        var fishOrder = await OrderAsync(node, fishShop, buyer, "fish");
        await HttpAssert.Ok(node.NotifyAsync(fishOrder, "pay_fish", "succeeded"));
        Assert.Equal("refunded", (await HttpAssert.Ok(node.NotifyAsync(fishOrder, "pay_fish", "refunded"))).GetProperty("status").GetString());
        Assert.Equal(4, await StockAsync(node, fishShop));
    }

    [Fact]
    public async Task During_a_rotation_both_secrets_sign_and_after_it_only_the_new_one_does()
    {
        await using var rotating = await EmbeddedNode.StartAsync(new Dictionary<string, string?>
        {
            ["Payments:PreviousWebhookSecret"] = OldSecret,
            ["Payments:PreviousSecretUntil"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
        });
        var shop = await rotating.ShopAsync(stock: 5);
        var first = await OrderAsync(rotating, shop, rotating.MintToken("old-secret-buyer"), "k");
        Assert.Equal("paid", (await HttpAssert.Ok(rotating.NotifyAsync(first, "pay_old", "succeeded", OldSecret))).GetProperty("status").GetString());
        var second = await OrderAsync(rotating, shop, rotating.MintToken("new-secret-buyer"), "k");
        Assert.Equal("paid", (await HttpAssert.Ok(rotating.NotifyAsync(second, "pay_new", "succeeded"))).GetProperty("status").GetString());
        await HttpAssert.Problem(rotating.NotifyAsync(second, "pay_x", "succeeded", "some-other-secret-0123456789abcdef"), 401, "invalid_signature");

        await using var rotated = await EmbeddedNode.StartAsync(new Dictionary<string, string?>
        {
            ["Payments:PreviousWebhookSecret"] = OldSecret,
            ["Payments:PreviousSecretUntil"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
        });
        var late = await rotated.ShopAsync(stock: 5);
        var third = await OrderAsync(rotated, late, rotated.MintToken("late-buyer"), "k");
        await HttpAssert.Problem(rotated.NotifyAsync(third, "pay_late", "succeeded", OldSecret), 401, "invalid_signature");
        Assert.Equal("paid", (await HttpAssert.Ok(rotated.NotifyAsync(third, "pay_late", "succeeded"))).GetProperty("status").GetString());
    }
}

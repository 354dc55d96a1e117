using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Commerce;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Api.Tests.Commerce;

[Collection(LiveClusterCollection.Name)]
public sealed class FlashSaleDurabilityTests(LiveCluster cluster)
{
    [Fact]
    public async Task Five_hundred_buyers_over_SignalR_get_exactly_the_hundred_units_and_every_order_survives_deactivation()
    {
        const int buyers = 500, units = 100, greedy = 50;
        var shop = await cluster.NodeA.ShopAsync(stock: 150);
        var (saleResponse, sale) = await cluster.NodeA.SendAsync(HttpMethod.Post, $"/api/rooms/{shop.RoomId}/flash-sales", shop.StreamerToken,
            new { productId = shop.ProductId, quantity = units, perUserLimit = 1, durationSeconds = 600, price = new { currency = "USD", amountMinor = 1500 } });
        Assert.Equal(HttpStatusCode.Created, saleResponse.StatusCode);
        var saleKey = FlashSaleKeys.Key(shop.RoomId, sale.GetProperty("saleId").GetString()!);

        var connections = new Viewer[buyers];
        await Parallel.ForEachAsync(Enumerable.Range(0, buyers), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var node = i % 2 == 0 ? cluster.NodeA : cluster.NodeB;
            connections[i] = await node.ConnectAsync(node.MintToken($"buyer-{i}-{shop.RoomId}"));
        });

        // Everyone presses buy at once; the first 50 press twice with two different attempts.
        var attempts = Enumerable.Range(0, buyers).Select(i => (Buyer: i, Key: $"a-{i}"))
            .Concat(Enumerable.Range(0, greedy).Select(i => (Buyer: i, Key: $"b-{i}")))
            .ToList();
        var reserved = new ConcurrentBag<(int Buyer, JsonElement Order)>();
        var refusals = new ConcurrentBag<string>();
        await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                var order = await connections[a.Buyer].Connection.InvokeAsync<JsonElement>("Purchase", shop.RoomId, shop.ProductId, 1, a.Key);
                reserved.Add((a.Buyer, order));
            }
            catch (HubException e)
            {
                refusals.Add(e.Message[(e.Message.IndexOf("HubException: ", StringComparison.Ordinal) + 14)..].Split(':')[0]);
            }
        }));

        Assert.Equal(units, reserved.Count);
        Assert.All(reserved, r => Assert.Equal("reserved", r.Order.GetProperty("status").GetString()));
        Assert.Equal(attempts.Count - units, refusals.Count);
        Assert.All(refusals, code => Assert.True(code is "sold_out" or "limit_exceeded", $"unexpected refusal {code}"));
        Assert.All(reserved.GroupBy(r => r.Buyer), g => Assert.Single(g));

        var saleGrain = cluster.Grains.GetGrain<IFlashSaleGrain>(saleKey);
        var before = await saleGrain.Get();
        Assert.Equal(0, before.Remaining);
        Assert.Equal(FlashSalePhase.SoldOut, before.Phase);
        var writes = (await saleGrain.GetDiagnostics()).StateWrites;
        Assert.True(writes < 100, $"{writes} durable writes for {attempts.Count} concurrent purchases");

        await cluster.DeactivateAllAsync();

        var after = await saleGrain.Get();
        Assert.Equal(0, after.Remaining);
        Assert.Equal(FlashSalePhase.SoldOut, after.Phase);
        var stock = await cluster.Grains.GetGrain<IInventoryGrain>(shop.ProductId).GetStock();
        Assert.Equal(50, stock.Available);
        Assert.Equal(units, stock.AllocatedToSales);
        foreach (var (buyer, order) in reserved)
        {
            var node = buyer % 2 == 0 ? cluster.NodeA : cluster.NodeB;
            var (response, read) = await node.SendAsync(HttpMethod.Get, $"/api/orders/{order.GetProperty("orderId").GetString()}", node.MintToken($"buyer-{buyer}-{shop.RoomId}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("reserved", read.GetProperty("status").GetString());
            Assert.Equal(1500, read.GetProperty("total").GetProperty("amountMinor").GetInt64());
            Assert.Equal(order.GetProperty("expiresAt").GetDateTimeOffset(), read.GetProperty("expiresAt").GetDateTimeOffset());
        }

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    }
}

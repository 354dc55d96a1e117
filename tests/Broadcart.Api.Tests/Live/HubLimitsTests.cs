using System.Net;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Broadcart.Api.Tests.Live;

/// <summary>What one connection and one user may cost a node, and tokens that run out while connected.</summary>
public sealed class HubLimitsTests
{
    private static Task<ApiNode> NodeAsync(params (string Key, string Value)[] settings) =>
        EmbeddedNode.StartAsync(settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static Task<Exception?> ClosedAsync(Viewer viewer)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.Connection.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    [Fact]
    public async Task A_connection_calling_faster_than_its_rate_is_refused_with_a_code_and_stays_connected()
    {
        await using var node = await NodeAsync(("Hub:InvocationsPerSecond", "1"), ("Hub:InvocationBurst", "3"));
        var room = await node.LiveRoomAsync();
        var viewer = await node.ConnectAsync(await node.TokenAsync("quick-fingers"));

        for (var i = 0; i < 3; i++)
        {
            await viewer.Connection.InvokeAsync("LeaveRoom", room.RoomId);
        }

        await HubAssert.Refused("rate_limited", () => viewer.Connection.InvokeAsync("LeaveRoom", room.RoomId));
        Assert.Equal(HubConnectionState.Connected, viewer.Connection.State);

        // The bucket refills: the same connection is served again.
        var joined = await Eventually.Until(async () =>
        {
            try
            {
                return (await viewer.JoinAsync(room.RoomId)).GetProperty("roomId").GetString();
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.Contains("rate_limited: ", StringComparison.Ordinal))
            {
                return null;
            }
        }, id => id is not null, "the connection's bucket to refill");
        Assert.Equal(room.RoomId, joined);
    }

    [Fact]
    public async Task A_user_may_hold_only_so_many_connections_on_one_node()
    {
        await using var node = await NodeAsync(("Hub:MaxConnectionsPerUser", "2"));
        var token = await node.TokenAsync("many-tabs");
        var first = await node.ConnectAsync(token);
        await using var second = await node.ConnectAsync(token);

        await using var third = new Viewer(new Uri(node.BaseUrl, "/hubs/live"), token);
        var thirdClosed = ClosedAsync(third);
        await third.StartAsync();
        var refusal = await thirdClosed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains("rate_limited: at most 2 connections per user", refusal?.Message);

        // Another user is not affected, and a freed slot can be taken again.
        await using var other = await node.ConnectAsync(await node.TokenAsync("someone-else"));
        await first.DisposeAsync();
        var again = await Eventually.Until(async () =>
        {
            var viewer = new Viewer(new Uri(node.BaseUrl, "/hubs/live"), token);
            var closed = ClosedAsync(viewer);
            await viewer.StartAsync();
            try
            {
                await viewer.Connection.InvokeAsync("LeaveRoom", "any-room");
                return viewer;
            }
            catch (Exception) when (closed.IsCompleted)
            {
                await viewer.DisposeAsync();
                return null;
            }
        }, v => v is not null, "the freed connection slot");
        Assert.Equal(HubConnectionState.Connected, again!.Connection.State);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_the_connection_and_a_smaller_one_is_refused_with_a_code()
    {
        await using var node = await NodeAsync(("Hub:MaximumReceiveMessageSize", "4096"));
        var room = await node.LiveRoomAsync();
        var viewer = await node.ConnectAsync(await node.TokenAsync("verbose"));
        await viewer.JoinAsync(room.RoomId);
        var closed = ClosedAsync(viewer);

        await HubAssert.Refused("validation_failed", () => viewer.SendChatAsync(room.RoomId, new string('x', 3000)));
        Assert.Equal(HubConnectionState.Connected, viewer.Connection.State);

        var oversized = viewer.SendChatAsync(room.RoomId, new string('x', 5000));
        Assert.NotNull(await closed.WaitAsync(TimeSpan.FromSeconds(15)));
        await Assert.ThrowsAnyAsync<Exception>(() => oversized);
        var state = await HttpAssert.Ok(node.SendAsync(HttpMethod.Get, $"/api/rooms/{room.RoomId}", room.StreamerToken));
        Assert.Equal(0, state.GetProperty("chatSeq").GetInt64());
    }

    [Fact]
    public async Task A_connection_closes_when_its_token_expires_and_the_token_is_refused_after_it()
    {
        await using var node = await NodeAsync(("Auth:DevTokenLifetime", "00:00:03"), ("Auth:ClockSkew", "00:00:00"));
        var token = await node.TokenAsync("short-lived");
        var viewer = await node.ConnectAsync(token);
        var closed = ClosedAsync(viewer);
        var connectedAt = DateTimeOffset.UtcNow;

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(DateTimeOffset.UtcNow - connectedAt < TimeSpan.FromSeconds(25), "closed by the timeout, not by the expiry");
        var (response, _) = await node.SendAsync(HttpMethod.Post, "/api/media/uploads", token, new { purpose = "cover", contentType = "image/png", bytes = 10 });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

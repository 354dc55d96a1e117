using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadcart.Grains.Rooms;
using Broadcart.Api.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Relay;

/// <summary>
/// The rooms this node has viewers in. The first local viewer subscribes the node's relay (one
/// grain call, which also returns the room's state); later viewers cost the room nothing.
/// </summary>
public sealed class LocalRooms(
    IGrainFactory grains,
    RelayReference relay,
    NodeIdentity node,
    IOptions<RelayOptions> options,
    TimeProvider time,
    IHubContext<LiveHub> hub,
    ILogger<LocalRooms> log)
{
    private readonly ConcurrentDictionary<string, LocalRoom> _rooms = new(StringComparer.Ordinal);

    public IEnumerable<LocalRoom> All => _rooms.Values;

    public LocalRoom? Find(string roomId) => _rooms.GetValueOrDefault(roomId);

    /// <summary>Counts a local viewer in, subscribing the node first if it is the room's first.</summary>
    public async Task<LocalRoom> JoinAsync(string roomId, string region)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(roomId, id => new LocalRoom(id));
            await room.Gate.WaitAsync();
            try
            {
                if (room.Retired)
                {
                    continue;
                }

                if (!room.Subscribed)
                {
                    try
                    {
                        var sync = await Grain(roomId).Report(Report(room, viewers: room.Viewers, likes: 0, wantSync: true));
                        room.Replica.ApplySync(sync!);
                        room.Subscribed = true;
                        room.LastReportAt = time.GetUtcNow();
                    }
                    catch when (room.Viewers == 0)
                    {
                        Retire(room);
                        throw;
                    }
                }

                room.AddViewer(region);
                return room;
            }
            finally
            {
                room.Gate.Release();
            }
        }
    }

    public void Leave(string roomId, string region) => Find(roomId)?.RemoveViewer(region);

    /// <summary>
    /// Sends one room what changed since the last report (viewer count, likes), or a heartbeat
    /// when due; unsubscribes the node when the room has no local viewers left.
    /// </summary>
    public async Task ReportAsync(LocalRoom room, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var heartbeatDue = now - room.LastReportAt >= options.Value.HeartbeatInterval;
        var viewers = room.Viewers;
        if (viewers == room.ReportedViewers && !heartbeatDue && !room.Replica.NeedsSync && room.PendingLikes == 0 && !room.HasCounters)
        {
            return;
        }

        await room.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!room.Subscribed || room.Retired)
            {
                return;
            }

            viewers = room.Viewers;
            if (viewers <= 0)
            {
                await Grain(room.RoomId).Unsubscribe(node.Id);
                Retire(room);
                return;
            }

            var likes = room.TakeLikes();
            var counters = room.TakeCounters();
            try
            {
                var sync = await Grain(room.RoomId).Report(Report(room, viewers, likes, room.Replica.NeedsSync) with
                {
                    Counters = counters,
                    ViewersByRegion = room.ViewersByRegion.ToImmutableDictionary(),
                });
                if (sync is not null && room.Replica.ApplySync(sync) is { Count: > 0 } missed)
                {
                    // The room posted these while it was not sending to this node (it was reactivated
                    // elsewhere, or dropped the node for missed heartbeats): the viewers here still need them.
                    log.LogInformation("Room {RoomId} re-synced node {NodeId}: relaying {Count} missed messages", room.RoomId, node.Id, missed.Count);
                    await ChatDelivery.SendAsync(hub.Clients.Group(RoomGroups.Room(room.RoomId)), room.RoomId, missed, cancellationToken);
                }

                room.ReportedViewers = viewers;
                room.LastReportAt = now;
            }
            catch
            {
                room.ReturnLikes(likes);
                room.ReturnCounters(counters);
                throw;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Report to room {RoomId} failed; retrying on the next tick", room.RoomId);
        }
        finally
        {
            room.Gate.Release();
        }
    }

    /// <summary>On shutdown: tell every room this node is gone rather than waiting for it to notice.</summary>
    public async Task UnsubscribeAllAsync()
    {
        foreach (var room in _rooms.Values.Where(r => r.Subscribed))
        {
            try
            {
                await Grain(room.RoomId).Unsubscribe(node.Id);
            }
            catch (Exception ex)
            {
                log.LogDebug(ex, "Could not unsubscribe from room {RoomId} on shutdown", room.RoomId);
            }
        }
    }

    private void Retire(LocalRoom room)
    {
        room.Retired = true;
        room.Subscribed = false;
        _rooms.TryRemove(new KeyValuePair<string, LocalRoom>(room.RoomId, room));
    }

    private NodeReport Report(LocalRoom room, int viewers, long likes, bool wantSync) =>
        new(node.Id, relay.Reference, viewers, likes, options.Value.HeartbeatInterval, wantSync);

    private ILiveRoomGrain Grain(string roomId) => grains.GetGrain<ILiveRoomGrain>(roomId);
}

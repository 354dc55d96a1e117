using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadcart.Api.Live;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.Options;

namespace Broadcart.Api.Relay;

/// <summary>
/// The rooms this node has viewers in, and the node's half of the node-room protocol: the first
/// local viewer subscribes the node's relay (one grain call, which returns the room's state); later
/// viewers cost the room nothing; reports carry counts and renew the subscription; a replica that
/// lost its place subscribes again.
/// </summary>
public sealed class NodeRooms : IDisposable
{
    private readonly ConcurrentDictionary<string, LocalRoom> _rooms = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly NodeIdentity _node;
    private readonly RelayOptions _options;
    private readonly ILogger<NodeRooms> _log;
    private readonly RoomRelay _relay;
    private readonly Lazy<IRoomRelay> _reference;

    public NodeRooms(IGrainFactory grains, NodeIdentity node, IOptions<RelayOptions> options, ILogger<NodeRooms> log)
    {
        _grains = grains;
        _node = node;
        _options = options.Value;
        _log = log;

        // Orleans holds observers weakly: this field keeps the relay alive for the node's lifetime.
        _relay = new RoomRelay(Find);
        _reference = new Lazy<IRoomRelay>(() => grains.CreateObjectReference<IRoomRelay>(_relay));
    }

    public IEnumerable<LocalRoom> All => _rooms.Values;

    public LocalRoom? Find(string roomId) => _rooms.GetValueOrDefault(roomId);

    /// <summary>Counts a local viewer in; the room's first viewer on this node waits for the subscription.</summary>
    public async Task<LocalRoom> JoinAsync(string roomId, LiveViewer viewer)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(roomId, id => new LocalRoom(id, _options, _log));
            if (!room.TryEnter(viewer))
            {
                // The room is unsubscribing this node: subscribing again before that lands would be undone by it.
                await room.Gone;
                continue;
            }

            if (room.IsSubscribed)
            {
                return room;
            }

            try
            {
                await room.EnsureSubscribedAsync(() => SubscribeAsync(room));
                return room;
            }
            catch
            {
                room.Leave(viewer);
                if (room.TryRetire())
                {
                    _rooms.TryRemove(new KeyValuePair<string, LocalRoom>(roomId, room));
                    room.MarkGone();
                }

                throw;
            }
        }
    }

    public void Leave(string roomId, LiveViewer viewer) => Find(roomId)?.Leave(viewer);

    /// <summary>
    /// One room's report: what changed since the last one (viewer count, likes, joins, clicks), or
    /// a heartbeat when due. No lock is held across the call. A room that forgot this node, or
    /// whose batches this node lost track of, is subscribed again.
    /// </summary>
    public async Task ReportAsync(LocalRoom room)
    {
        if (!room.IsSubscribed)
        {
            return;
        }

        try
        {
            if (room.Viewers == 0 && room.TryRetire())
            {
                try
                {
                    await Grain(room.RoomId).Unsubscribe(_node.Id);
                }
                finally
                {
                    _rooms.TryRemove(new KeyValuePair<string, LocalRoom>(room.RoomId, room));
                    room.MarkGone();
                }

                return;
            }

            if (room.Replica.NeedsSync)
            {
                await SubscribeAsync(room);
            }

            var viewers = room.Viewers;
            var languages = room.Audience.Languages;
            var heartbeatDue = Environment.TickCount64 - room.LastReportAt >= (long)_options.HeartbeatInterval.TotalMilliseconds;
            var languagesChanged = room.ReportedLanguages is null || !room.ReportedLanguages.SequenceEqual(languages);
            if (viewers == room.ReportedViewers && !heartbeatDue && room.Counters.IsEmpty && !languagesChanged)
            {
                return;
            }

            var (likes, counters) = room.Counters.Take();
            bool known;
            try
            {
                known = await Grain(room.RoomId).Report(new NodeReport(_node.Id, viewers, likes, counters, room.Audience.ByRegion.ToImmutableDictionary(), [.. languages]));
            }
            catch
            {
                room.Counters.Return(likes, counters);
                throw;
            }

            if (!known)
            {
                // The room was reactivated, or dropped this node: it counted nothing; say it all again once subscribed.
                room.Counters.Return(likes, counters);
                await SubscribeAsync(room);
                return;
            }

            room.ReportedViewers = viewers;
            room.ReportedLanguages = languages;
            room.LastReportAt = Environment.TickCount64;
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Report to room {RoomId} failed; retrying on the next tick", room.RoomId);
        }
    }

    /// <summary>On shutdown: tell every room this node is gone rather than waiting for it to notice.</summary>
    public async Task UnsubscribeAllAsync()
    {
        foreach (var room in _rooms.Values.Where(r => r.IsSubscribed))
        {
            try
            {
                await Grain(room.RoomId).Unsubscribe(_node.Id);
            }
            catch (Exception ex)
            {
                _log.LogDebug(ex, "Could not unsubscribe from room {RoomId} on shutdown", room.RoomId);
            }
        }
    }

    private async Task SubscribeAsync(LocalRoom room)
    {
        var viewers = room.Viewers;
        var sync = await Grain(room.RoomId).Subscribe(new NodeSubscription(_node.Id, _reference.Value, viewers, _options.HeartbeatInterval));
        if (room.Resync(sync) is { Count: > 0 } missed)
        {
            // The room posted these while it was not sending to this node (it was reactivated
            // elsewhere, or dropped the node for missed heartbeats): the viewers here still need them.
            _log.LogInformation("Room {RoomId} re-synced node {NodeId}: relaying {Count} missed messages", room.RoomId, _node.Id, missed.Count);
        }

        room.ReportedViewers = viewers;
        room.ReportedLanguages = null;
        room.LastReportAt = Environment.TickCount64;
    }

    private ILiveRoomGrain Grain(string roomId) => _grains.GetGrain<ILiveRoomGrain>(roomId);

    public void Dispose()
    {
        if (_reference.IsValueCreated)
        {
            _grains.DeleteObjectReference<IRoomRelay>(_reference.Value);
        }
    }
}

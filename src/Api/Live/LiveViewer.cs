using Broadcart.Grains.Common;
using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Live;

/// <summary>
/// One hub connection as the node keeps it for its whole life: who it is (a compact actor, not the
/// validated token), the rooms it joined, and whether its socket keeps up with what is sent to it.
/// </summary>
public sealed class LiveViewer(HubConnectionContext connection, Actor actor)
{
    private Actor _actor = actor;
    private readonly Lock _lock = new();
    private string[] _rooms = [];
    private int _pendingWrites;
    private long _behindSince;

    public HubConnectionContext Connection { get; } = connection;

    public string ConnectionId => Connection.ConnectionId;

    public Actor Actor => Volatile.Read(ref _actor);

    public string Region => Actor.Region;

    /// <summary>The chat language this connection reads (a primary subtag), if it set one.</summary>
    public string? Language => Actor.Language;

    /// <summary>Sets the connection's chat language; returns the one it had.</summary>
    public string? SetLanguage(string language)
    {
        lock (_lock)
        {
            var before = _actor.Language;
            Volatile.Write(ref _actor, _actor with { Language = language });
            return before;
        }
    }

    /// <summary>Since when (<see cref="Environment.TickCount64"/>) a write to this viewer has been waiting for its socket; 0 when none.</summary>
    public long BehindSince => Volatile.Read(ref _behindSince);

    public IReadOnlyList<string> Rooms
    {
        get
        {
            lock (_lock)
            {
                return _rooms;
            }
        }
    }

    public bool HasJoined(string roomId) => Rooms.Contains(roomId);

    /// <summary>False when the viewer had already joined the room.</summary>
    public bool AddRoom(string roomId)
    {
        lock (_lock)
        {
            if (Array.IndexOf(_rooms, roomId) >= 0)
            {
                return false;
            }

            _rooms = [.. _rooms, roomId];
            return true;
        }
    }

    public bool RemoveRoom(string roomId)
    {
        lock (_lock)
        {
            if (Array.IndexOf(_rooms, roomId) < 0)
            {
                return false;
            }

            _rooms = [.. _rooms.Where(r => r != roomId)];
            return true;
        }
    }

    /// <summary>
    /// Writes one serialised message to this viewer's socket. SignalR queues writes per connection
    /// in order; a write that does not complete at once means the socket is behind. Returns the
    /// write to wait for, or null when it completed or the viewer was already behind (a viewer that
    /// is behind is not waited for again: it must not hold back its room).
    /// </summary>
    public Task? Write(SerializedHubMessage message)
    {
        var write = Connection.WriteAsync(message);
        if (write.IsCompletedSuccessfully)
        {
            return null;
        }

        var wasBehind = Interlocked.Increment(ref _pendingWrites) > 1;
        if (!wasBehind)
        {
            Volatile.Write(ref _behindSince, Environment.TickCount64);
        }

        var tracked = TrackAsync(write);
        return wasBehind ? null : tracked;
    }

    private async Task TrackAsync(ValueTask write)
    {
        try
        {
            await write;
        }
        finally
        {
            if (Interlocked.Decrement(ref _pendingWrites) == 0)
            {
                Volatile.Write(ref _behindSince, 0);
            }
        }
    }
}

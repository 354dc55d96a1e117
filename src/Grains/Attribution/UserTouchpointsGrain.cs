using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Attribution;

/// <summary>
/// A user's touchpoints. Views and clicks arrive one-way and are written behind (a crash loses at
/// most the last <see cref="WriteBehind"/> of them); what no window can use any more is pruned on
/// every write, so the state holds at most the rooms of the last week.
/// </summary>
public sealed class UserTouchpointsGrain(
    [PersistentState("touchpoints", StorageNames.Default)] IPersistentState<TouchpointsState> state,
    AttributionClock clock,
    IOptions<AttributionOptions> options,
    ILogger<UserTouchpointsGrain> log) : Grain, IUserTouchpointsGrain
{
    private static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(5);
    private bool _dirty;

    private Dictionary<string, RoomTouchState> Rooms => state.State.Rooms;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(WriteBehind, WriteBehind));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public Task Viewed(ImmutableArray<string> roomIds)
    {
        var now = clock.Now;
        foreach (var roomId in roomIds.IsDefault ? [] : roomIds)
        {
            Touch(roomId).LastView = now;
        }

        return Task.CompletedTask;
    }

    public Task Clicked(string roomId)
    {
        var touch = Touch(roomId);
        touch.LastClick = clock.Now;
        return Task.CompletedTask;
    }

    public Task<AttributionDecision?> Attribute() => Task.FromResult(LastTouch.Decide(Rooms, clock.Now, options.Value));

    public Task<Touchpoints> Get() => Task.FromResult(new Touchpoints(
        this.GetPrimaryKeyString(),
        [.. Rooms.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RoomTouchpoint(r.Key, r.Value.LastClick, r.Value.LastView))]));

    private RoomTouchState Touch(string roomId)
    {
        _dirty = true;
        if (!Rooms.TryGetValue(roomId, out var touch))
        {
            touch = new RoomTouchState();
            Rooms[roomId] = touch;
        }

        return touch;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        LastTouch.Prune(Rooms, clock.Now, options.Value);
        try
        {
            await state.WriteStateAsync();
            _dirty = false;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not write the touchpoints of {UserId}; next tick retries", this.GetPrimaryKeyString());
        }
    }
}

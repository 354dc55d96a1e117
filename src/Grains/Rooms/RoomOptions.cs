namespace Broadcart.Grains.Rooms;

/// <summary>Room timing and limits, bound from the <c>Rooms</c> configuration section.</summary>
public sealed class RoomOptions
{
    /// <summary>How long events wait in the outbox so that one flush carries many of them.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Cadence of the maintenance tick: viewer counts, stale nodes, chat write-behind.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A node not heard from for this many of its own heartbeat intervals is dropped.</summary>
    public int MissedHeartbeatsBeforeDrop { get; set; } = 3;

    public int RecentChatKept { get; set; } = 200;

    /// <summary>Stock updates during a sale go out at most this often (sold out is never delayed).</summary>
    public TimeSpan StockInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public int MaxPurchasesPerFlush { get; set; } = 20;

    public int MaxShowcase { get; set; } = 50;

    public int MaxMuteSeconds { get; set; } = 86_400;

    public int MaxSlowModeSeconds { get; set; } = 300;

    public int MaxModerators { get; set; } = 50;

    /// <summary>
    /// After an unclean stop the last few chat sequence numbers may not have been written; the
    /// sequence skips forward by this much so that no number is ever handed out twice.
    /// </summary>
    public long SeqSkipAfterUncleanStop { get; set; } = 10_000;
}

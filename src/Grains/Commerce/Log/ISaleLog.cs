namespace Broadcart.Grains.Commerce.Log;

/// <summary>
/// A flash sale's durable form: a snapshot and, after it, a log of blocks, one block per commit.
/// Appends are conditional on the position the writer last saw, so a second activation of the sale
/// cannot write behind the first: whichever writes second fails with
/// <see cref="Orleans.Storage.InconsistentStateException"/> and reactivates from what storage holds.
/// </summary>
public interface ISaleLog
{
    /// <summary>The snapshot (if any) and the blocks written after it, oldest first.</summary>
    Task<SaleLogContents> OpenAsync(string saleKey);

    /// <summary>Appends one block at the cursor's position and moves the cursor past it.</summary>
    Task AppendAsync(SaleLogCursor cursor, string block);

    /// <summary>
    /// Replaces snapshot and log with <paramref name="snapshot"/>: the old log is fenced first (a
    /// block at its position), so a writer that has not seen the compaction cannot append to it.
    /// </summary>
    Task CompactAsync(SaleLogCursor cursor, string fence, string snapshot);
}

public sealed record SaleLogContents(string? Snapshot, IReadOnlyList<string> Blocks, SaleLogCursor Cursor);

/// <summary>Where the next append goes; owned by one activation.</summary>
public sealed class SaleLogCursor(string saleKey)
{
    public string SaleKey { get; } = saleKey;

    /// <summary>Which log follows the snapshot (a compaction starts the next one).</summary>
    public int Generation { get; set; }

    /// <summary>Bytes (blob) or blocks (memory) in the current log: the position the next append must find.</summary>
    public long Position { get; set; }

    public string? ETag { get; set; }

    public int AppendsSinceSnapshot { get; set; }

    public long BytesSinceSnapshot { get; set; }
}

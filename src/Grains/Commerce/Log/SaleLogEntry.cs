namespace Broadcart.Grains.Commerce.Log;

/// <summary>One change to a sale, as its log holds it. Applying an entry twice changes nothing the second time.</summary>
public sealed record SaleLogEntry(string Kind, StartFlashSale? Start = null, SaleOrderRecord? Order = null, string? OrderId = null, DateTimeOffset? At = null)
{
    public const string Started = "start";
    public const string Sold = "order";
    public const string Confirmed = "confirm";
    public const string Released = "release";
    public const string HandedOff = "handoff";
    public const string Ended = "end";
}

/// <summary>One commit: what one append writes. A fence is the block a compaction writes last into the log it retires.</summary>
public sealed record SaleLogBlock(long V, IReadOnlyList<SaleLogEntry> Entries, int? Fence = null);

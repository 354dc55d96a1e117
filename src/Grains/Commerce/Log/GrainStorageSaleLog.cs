using Orleans.Storage;

namespace Broadcart.Grains.Commerce.Log;

/// <summary>
/// The sale log kept in ordinary grain storage (the in-memory provider of the embedded default and
/// the grain tests): the whole log is one state, rewritten per append under its ETag, which fences
/// a second writer the way the append position does in Blob Storage.
/// </summary>
public sealed class GrainStorageSaleLog(IGrainStorage storage) : ISaleLog
{
    private const string StateName = "salelog";

    public async Task<SaleLogContents> OpenAsync(string saleKey)
    {
        var state = new GrainState<SaleLogDocument>(new SaleLogDocument());
        await storage.ReadStateAsync(StateName, Id(saleKey), state);
        var document = state.State ?? new SaleLogDocument();
        var cursor = new SaleLogCursor(saleKey)
        {
            ETag = state.ETag,
            Generation = document.Snapshot is { } s ? SaleLogCodec.GenerationOf(s) : 0,
            Position = document.Blocks.Count,
            AppendsSinceSnapshot = document.Blocks.Count,
        };
        return new SaleLogContents(document.Snapshot, [.. document.Blocks], cursor);
    }

    public async Task AppendAsync(SaleLogCursor cursor, string block)
    {
        var current = await CurrentAsync(cursor);
        await WriteAsync(cursor, new SaleLogDocument { Snapshot = current.Snapshot, Blocks = [.. current.Blocks, block] });
        cursor.Position++;
        cursor.AppendsSinceSnapshot++;
        cursor.BytesSinceSnapshot += block.Length;
    }

    public async Task CompactAsync(SaleLogCursor cursor, string fence, string snapshot)
    {
        await WriteAsync(cursor, new SaleLogDocument { Snapshot = snapshot, Blocks = [] });
        cursor.Generation = SaleLogCodec.GenerationOf(snapshot);
        cursor.Position = 0;
        cursor.AppendsSinceSnapshot = 0;
        cursor.BytesSinceSnapshot = 0;
    }

    /// <summary>What this writer last wrote, re-read so that the document is never built from memory another writer replaced.</summary>
    private async Task<SaleLogDocument> CurrentAsync(SaleLogCursor cursor)
    {
        var state = new GrainState<SaleLogDocument>(new SaleLogDocument());
        await storage.ReadStateAsync(StateName, Id(cursor.SaleKey), state);
        if (state.ETag != cursor.ETag || (state.State?.Blocks.Count ?? 0) != cursor.Position)
        {
            throw new InconsistentStateException($"the log of sale {cursor.SaleKey} was written by another activation", state.ETag ?? "none", cursor.ETag ?? "none");
        }

        return state.State ?? new SaleLogDocument();
    }

    private async Task WriteAsync(SaleLogCursor cursor, SaleLogDocument document)
    {
        var state = new GrainState<SaleLogDocument>(document) { ETag = cursor.ETag, RecordExists = cursor.ETag is not null };
        await storage.WriteStateAsync(StateName, Id(cursor.SaleKey), state);
        cursor.ETag = state.ETag;
    }

    private static GrainId Id(string saleKey) => GrainId.Create("salelog", saleKey);
}

[GenerateSerializer, Alias("Broadcart.SaleLogDocument")]
public sealed class SaleLogDocument
{
    [Id(0)] public string? Snapshot { get; set; }
    [Id(1)] public List<string> Blocks { get; set; } = [];
}

using System.Text.Json;
using Broadcart.Grains.Storage;

namespace Broadcart.Grains.Commerce.Log;

/// <summary>How a sale's blocks and snapshots look in storage: one JSON line per block, the snapshot as JSON.</summary>
public static class SaleLogCodec
{
    public static string Block(SaleLogBlock block) => JsonSerializer.Serialize(block, StateJson.Options);

    public static SaleLogBlock ReadBlock(string line) =>
        JsonSerializer.Deserialize<SaleLogBlock>(line, StateJson.Options) ?? throw new InvalidDataException("an empty sale log block");

    public static string Snapshot(FlashSaleState state) => JsonSerializer.Serialize(state, StateJson.Options);

    public static FlashSaleState ReadSnapshot(string json) =>
        JsonSerializer.Deserialize<FlashSaleState>(json, StateJson.Options) ?? new FlashSaleState();

    public static int GenerationOf(string snapshot) =>
        JsonDocument.Parse(snapshot).RootElement.TryGetProperty("logGeneration", out var g) ? g.GetInt32() : 0;
}

using Broadcart.Grains.Commerce.Log;
using Broadcart.Grains.Storage;
using Orleans.Storage;

namespace Broadcart.Grains.Tests.Storage;

/// <summary>The sale log against Azurite: the fencing a second activation of a sale relies on.</summary>
public sealed class BlobSaleLogTests
{
    private readonly BlobSaleLog _log = new(
        BlobClients.Container(new BlobStorageOptions { ConnectionString = TestEnvironment.BlobConnectionString }, "salelog-" + Guid.NewGuid().ToString("N")[..12]));

    private static string NewSale() => $"r{Guid.NewGuid():N}"[..13] + "/s1";

    [Fact]
    public async Task Blocks_come_back_in_order_and_the_next_append_continues_where_the_log_ends()
    {
        var sale = NewSale();
        var writer = (await _log.OpenAsync(sale)).Cursor;
        await _log.AppendAsync(writer, "{\"v\":1}");
        await _log.AppendAsync(writer, "{\"v\":2}");

        var reopened = await _log.OpenAsync(sale);
        Assert.Null(reopened.Snapshot);
        Assert.Equal(["{\"v\":1}", "{\"v\":2}"], reopened.Blocks);
        await _log.AppendAsync(reopened.Cursor, "{\"v\":3}");
        Assert.Equal(3, (await _log.OpenAsync(sale)).Blocks.Count);
    }

    [Fact]
    public async Task A_second_writer_at_the_same_position_is_refused_and_writes_nothing()
    {
        var sale = NewSale();
        var first = (await _log.OpenAsync(sale)).Cursor;
        await _log.AppendAsync(first, "{\"v\":1}");
        var a = (await _log.OpenAsync(sale)).Cursor;
        var b = (await _log.OpenAsync(sale)).Cursor;

        await _log.AppendAsync(a, "{\"v\":2,\"by\":\"a\"}");
        await Assert.ThrowsAsync<InconsistentStateException>(() => _log.AppendAsync(b, "{\"v\":2,\"by\":\"b\"}"));
        Assert.Equal(["{\"v\":1}", "{\"v\":2,\"by\":\"a\"}"], (await _log.OpenAsync(sale)).Blocks);
    }

    [Fact]
    public async Task A_compaction_fences_the_old_log_and_replay_starts_from_the_snapshot()
    {
        var sale = NewSale();
        var stale = (await _log.OpenAsync(sale)).Cursor;
        var compactor = (await _log.OpenAsync(sale)).Cursor;
        await _log.AppendAsync(compactor, "{\"v\":1}");
        stale.Position = compactor.Position;

        await _log.CompactAsync(compactor, "{\"v\":2,\"fence\":1}", "{\"logGeneration\":1,\"version\":2}");
        await Assert.ThrowsAsync<InconsistentStateException>(() => _log.AppendAsync(stale, "{\"v\":2,\"late\":true}"));
        await _log.AppendAsync(compactor, "{\"v\":3}");

        var reopened = await _log.OpenAsync(sale);
        Assert.Equal("{\"logGeneration\":1,\"version\":2}", reopened.Snapshot);
        Assert.Equal(1, reopened.Cursor.Generation);
        Assert.Equal(["{\"v\":3}"], reopened.Blocks);
    }
}

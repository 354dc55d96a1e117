using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Orleans.Concurrency;

namespace Broadcart.Grains.Commerce;

/// <summary>
/// The sales whose order records are not all in their order grains yet. Written when a sale starts
/// and when it has handed everything off, never per order.
/// </summary>
[Reentrant]
public sealed class SaleDirectoryGrain(
    [PersistentState("directory", StorageNames.Default)] IPersistentState<SaleDirectoryState> state) : Grain, ISaleDirectoryGrain
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    public async Task Register(string saleKey)
    {
        if (!state.State.Sales.Contains(saleKey))
        {
            await ChangeAsync(s =>
            {
                s.Add(saleKey);
                return true;
            });
        }
    }

    public async Task Unregister(string saleKey)
    {
        if (state.State.Sales.Contains(saleKey))
        {
            await ChangeAsync(s => s.Remove(saleKey));
        }
    }

    public Task<ImmutableArray<string>> Sales() => Task.FromResult(state.State.Sales.ToImmutableArray());

    /// <summary>One write at a time: reads stay reentrant, changes queue.</summary>
    private async Task ChangeAsync(Func<List<string>, bool> change)
    {
        await _writing.WaitAsync();
        try
        {
            if (change(state.State.Sales))
            {
                await state.WriteStateAsync();
            }
        }
        catch
        {
            // Not known to be durable: read it back rather than answer from doubtful memory.
            await state.ReadStateAsync();
            throw;
        }
        finally
        {
            _writing.Release();
        }
    }
}

[GenerateSerializer, Alias("Broadcart.SaleDirectoryState")]
public sealed class SaleDirectoryState
{
    [Id(0)] public List<string> Sales { get; set; } = [];
}

using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Deals;

/// <summary>One per merchant: the commission their deals have earned creators, written before it answers.</summary>
public sealed class MerchantCommissionGrain(
    [PersistentState("commission", StorageNames.Default)] IPersistentState<MerchantCommissionState> state) : Grain, IMerchantCommissionGrain
{
    public async Task Record(string orderId, string dealId, Money amount)
    {
        if (state.State.Orders.ContainsKey(orderId))
        {
            return;
        }

        state.State.Orders[orderId] = new MerchantCommissionEntry(dealId, amount, Reversed: false);
        await state.WriteStateAsync();
    }

    public async Task Reverse(string orderId)
    {
        if (state.State.Orders.TryGetValue(orderId, out var entry) && !entry.Reversed)
        {
            state.State.Orders[orderId] = entry with { Reversed = true };
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableDictionary<string, ImmutableArray<Money>>> Owed() => Task.FromResult(
        state.State.Orders.Values.Where(e => !e.Reversed).GroupBy(e => e.DealId).ToImmutableDictionary(
            g => g.Key,
            g => g.GroupBy(e => e.Amount.Currency, StringComparer.Ordinal)
                .Select(c => new Money(c.Key, c.Sum(e => e.Amount.AmountMinor)))
                .OrderBy(m => m.Currency, StringComparer.Ordinal)
                .ToImmutableArray()));
}

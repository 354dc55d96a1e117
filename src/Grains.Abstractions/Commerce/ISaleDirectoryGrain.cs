using System.Collections.Immutable;

namespace Broadcart.Grains.Commerce;

/// <summary>
/// The flash sales that still hold order records their order grains have not written yet (key
/// <see cref="Key"/>): where an order grain with no state of its own looks for its record.
/// </summary>
[Alias("Broadcart.ISaleDirectoryGrain")]
public interface ISaleDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "sales";

    [Alias("Register")]
    Task Register(string saleKey);

    [Alias("Unregister")]
    Task Unregister(string saleKey);

    [Alias("Sales"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<string>> Sales();
}

using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Products;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The products the room shows and the one it pins. It is the only writer of
/// <see cref="LiveRoomState.Showcase"/> and <see cref="LiveRoomState.PinnedProductId"/>.
/// </summary>
internal sealed class RoomShowcase(LiveRoomState room, int max)
{
    public ImmutableArray<ProductSnapshot> Products => [.. room.Showcase];

    public ProductSnapshot? Find(string productId) => room.Showcase.FirstOrDefault(p => p.Id == productId);

    public bool Contains(string productId) => Find(productId) is not null;

    /// <summary>Refuses before the product is even looked up when the showcase is full.</summary>
    public void EnsureRoomFor(string productId)
    {
        if (!Contains(productId) && room.Showcase.Count >= max)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"a showcase holds at most {max} products");
        }
    }

    /// <summary>
    /// Adds the product unless it is shown already; true when the showcase changed. The limit is
    /// the caller's to check (<see cref="EnsureRoomFor"/>): a flash sale shows its product even in a full showcase.
    /// </summary>
    public bool Add(ProductSnapshot product)
    {
        if (Contains(product.Id))
        {
            return false;
        }

        room.Showcase.Add(product);
        return true;
    }

    public ProductSnapshot Pin(string productId)
    {
        var product = Find(productId)
            ?? throw new BroadcartException(ErrorCodes.ValidationFailed, $"product {productId} is not in the room's showcase; add it first");
        room.PinnedProductId = productId;
        return product;
    }

    /// <summary>The pinned product, when it is the one given: its pin is shown again with the sale's price.</summary>
    public ProductSnapshot? PinnedIf(string productId) =>
        room.PinnedProductId == productId ? Find(productId) : null;
}
